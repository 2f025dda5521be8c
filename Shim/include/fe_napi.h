// fe_napi.h — Node-API addons (Shim/src/napi/): what the runtime asks of them and gives them.
//
// Why in the shim: Node-API is a C ABI over V8 that addons bind to by symbol name; fe defines the
// napi_* functions itself (exported from the executable through Shim/napi.list) so an addon binds
// to fe's instead of libnode's, which would need Node's own environment. Swift sees only this:
// load an addon into a runtime, tear a runtime's addons down, and the two hooks the loop gives.
#ifndef FE_NAPI_H
#define FE_NAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fe_v8.h"

#ifdef __cplusplus
extern "C" {
#endif

// The loop's hooks; `rt` says whose loop.
typedef struct {
  // Runs fn(arg) on the runtime's loop thread as its own macrotask, inside a handle scope and
  // the context. Thread-safe. With keep_alive the loop stays alive until it ran (pair it with
  // ref(+1) made before); without, it runs if the loop is still turning.
  void (*post)(fe_rt *rt, void (*fn)(void *), void *arg, bool keep_alive);
  // Keeps the runtime's loop alive (+1) or lets it go (-1): loop thread only.
  void (*ref)(fe_rt *rt, int delta);
} fe_napi_host;

// Once per process, before the first addon.
void fe_napi_set_host(const fe_napi_host *host);

// Why a load failed (FE_NAPI_OK: it did not).
typedef enum {
  FE_NAPI_OK = 0,
  FE_NAPI_EXCEPTION,         // the addon's init threw: the exception is pending
  FE_NAPI_DLOPEN,            // dlopen failed: the message is dlerror()'s (missing file, bad ELF, undefined symbol)
  FE_NAPI_NO_MODULE,         // a shared object with no Node-API module in it
  FE_NAPI_NODE_ABI,          // a node_register_module_v* (NAN, V8 C++) addon: needs Node's C++ ABI
} fe_napi_status;

// Loads the addon at `path` (a real file path) into the runtime, as process.dlopen (dlopen
// `flags`): runs its registration with `exports` and sets module.exports to what it returns, in
// a new napi_env. `hooks` is an object of what the env needs from the runtime's JS: `uncaught(e)`
// (where exceptions from loop callbacks go: finalizers, async work, thread-safe functions),
// `tick()` (runs the nextTick queue and microtasks) and `bufferPrototype`. On failure `*message`
// (malloc'ed, the caller frees it) says why.
fe_napi_status fe_napi_load(fe_rt *rt, const char *path, fe_val module, fe_val exports, fe_val hooks, int flags,
                            char **message);
// Runs every addon environment's cleanup hooks and outstanding finalizers (Node's env teardown):
// at the end of a runtime's life, before it is disposed. Idempotent.
void fe_napi_teardown(fe_rt *rt);
// The Node-API version fe provides (Node 18.20.4's).
int fe_napi_version(void);

#ifdef __cplusplus
}
#endif

#endif  // FE_NAPI_H
