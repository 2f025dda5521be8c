// zlib and brotli for the runtime's zlib module (Sources/FeRuntime/ZlibOps.swift). Why a shim:
// zlib's init functions are macros that pass the library version and the struct size, which
// Swift cannot call; these inline functions do it for Swift.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

static inline int fe_deflate_init(z_streamp s, int level, int window_bits, int mem_level, int strategy) {
  return deflateInit2(s, level, Z_DEFLATED, window_bits, mem_level, strategy);
}

static inline int fe_inflate_init(z_streamp s, int window_bits) { return inflateInit2(s, window_bits); }
