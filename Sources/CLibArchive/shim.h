// libarchive's declarations (Debian's libarchive-dev, 3.6) for FeNpm, which reads npm tarballs
// with it. Not linked: FeNpm's LibArchive loads libarchive.so.13 with dlopen on the first
// unpack, since linking it would load it and its six dependencies (libxml2, liblzma, …) at every
// launch (about 1 ms) for the few runs that install an npm tool.
#include <archive.h>
#include <archive_entry.h>
