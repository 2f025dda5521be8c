// libarchive (Debian's libarchive-dev, 3.6): fe reads npm tarballs with it instead of a tar
// reader of its own. Only the read side is used; fe writes the files itself, under its own rules.
#include <archive.h>
#include <archive_entry.h>
