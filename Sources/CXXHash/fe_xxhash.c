// Compiles XXH3 into fe from the header alone: no libxxhash.so to load at every launch.
#include "fe_xxhash.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t fe_xxh3_64(const void *data, size_t length) { return XXH3_64bits(data, length); }
