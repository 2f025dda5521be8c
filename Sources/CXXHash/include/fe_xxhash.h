// XXH3 (Debian's libxxhash-dev, header-only): the checksum fe verifies a snapshot with at every
// launch. sha256 (OpenSSL) stays for installs, downloads and `fe blobs verify`.
#ifndef FE_XXHASH_H
#define FE_XXHASH_H
#include <stddef.h>
#include <stdint.h>

/// XXH3-64 of `length` bytes at `data`, seed 0.
uint64_t fe_xxh3_64(const void *data, size_t length);

#endif
