// napi_env.h — what the Node-API files share: the environment an addon sees (one per addon per
// runtime), the bit-casts between napi_value and V8's Local, and the status/exception rules every
// entry point follows (Node's js_native_api_v8.h conventions, so addons see the same statuses).
#pragma once

#define NAPI_EXPERIMENTAL
#define NODE_API_EXPERIMENTAL_NOGC_ENV_OPT_OUT  // one env type: fe defines each function once
#include <node_api.h>
#include <v8.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "../rt_internal.h"
#include "fe_napi.h"
#include "fe_v8.h"

namespace fe_napi {

using v8::Local;
using v8::Value;

inline napi_value JsValue(Local<Value> v) {
  static_assert(sizeof(Local<Value>) == sizeof(napi_value), "napi_value is a Local");
  napi_value out;
  memcpy(&out, &v, sizeof out);
  return out;
}
inline Local<Value> V8Value(napi_value v) {
  Local<Value> out;
  memcpy(static_cast<void *>(&out), &v, sizeof out);
  return out;
}

// A small integer's value read inline, as V8's own headers read tagged values (v8-internal.h's
// Internals): the number getters' common case without two calls into libnode.
inline bool SmiValue(napi_value v, int32_t *out) {
  using v8::internal::Internals;
  v8::internal::Address tagged = *reinterpret_cast<const v8::internal::Address *>(v);
  if (Internals::HasHeapObjectTag(tagged)) return false;
  *out = Internals::SmiValue(tagged);
  return true;
}

struct Reference;

// A finalizer that owes a call: run from the loop, never inside the GC.
struct Finalizer {
  napi_finalize cb = nullptr;
  void *data = nullptr;
  void *hint = nullptr;
};

}  // namespace fe_napi

struct napi_env__ {
  v8::Isolate *isolate = nullptr;
  fe_rt *rt = nullptr;
  v8::Global<v8::Context> context;
  v8::Global<v8::Value> last_exception;
  napi_extended_error_info last_error{};
  int open_handle_scopes = 0;
  int open_callback_scopes = 0;
  int32_t module_api_version = 8;
  std::string filename;  // file:// URL (node_api_get_module_file_name)
  v8::Global<v8::Private> wrap_key;
  v8::Global<v8::Private> tag_key;
  v8::Global<v8::Function> on_uncaught;  // the runtime's uncaught-exception route
  v8::Global<v8::Function> tick;         // runs the nextTick queue and microtasks
  v8::Global<v8::Object> buffer_proto;   // Buffer.prototype, for napi_create_buffer
  v8::Global<v8::Object> hooks;          // the rest of fe_napi_load's hooks (async_hooks)
  int js_depth = 0;                      // addon callbacks on the stack
  // async_hooks: callbacks of async resources on the stack, and the destroys asked for inside
  // them (emitted after the outermost one's after, as Node queues its destroys).
  int async_depth = 0;
  std::vector<v8::Global<v8::Value>> pending_destroys;
  void *uv_loop = nullptr;               // napi_get_uv_event_loop's, made on first use
  void *dl_handle = nullptr;
  // References that own a finalizer (napi_wrap, externals, napi_add_finalizer, buffers).
  fe_napi::Reference *finalizing = nullptr;
  // Plain references (napi_create_reference), finalized after those at teardown.
  fe_napi::Reference *plain = nullptr;
  std::vector<fe_napi::Finalizer> pending_finalizers;
  bool drain_posted = false;
  bool tearing_down = false;
  bool in_gc = false;  // set while a finalizer runs from a GC callback
  void *instance_data = nullptr;
  napi_finalize instance_finalize = nullptr;
  void *instance_hint = nullptr;
  struct Hook {
    void (*fn)(void *);
    void *arg;
    napi_async_cleanup_hook_handle async;
  };
  std::vector<Hook> cleanup_hooks;
  std::atomic<int> refs{1};  // the runtime's, plus async work and thread-safe functions in flight

  v8::Local<v8::Context> ctx() const { return context.Get(isolate); }
  bool can_call_into_js() const { return !tearing_down; }
};

namespace fe_napi {

inline napi_status SetLastError(napi_env env, napi_status status, uint32_t code = 0, void *reserved = nullptr) {
  env->last_error.error_code = status;
  env->last_error.engine_error_code = code;
  env->last_error.engine_reserved = reserved;
  return status;
}
inline napi_status ClearLastError(napi_env env) {
  env->last_error.error_code = napi_ok;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = nullptr;
  env->last_error.error_message = nullptr;
  return napi_ok;
}

// Parks an exception that JS threw during a Node-API call in env->last_exception (Node's
// v8impl::TryCatch): the addon sees napi_pending_exception and V8 gets it back when the addon
// returns.
class TryCatch : public v8::TryCatch {
 public:
  explicit TryCatch(napi_env env) : v8::TryCatch(env->isolate), env_(env) {}
  ~TryCatch() {
    if (HasCaught()) env_->last_exception.Reset(env_->isolate, Exception());
  }

 private:
  napi_env env_;
};

// Calls into the addon: clears the last error, checks the addon closed the handle scopes it
// opened, and hands any exception it left to `handle` (thrown into JS, or sent to the runtime's
// uncaught-exception route).
template <typename Call, typename Handle>
void CallIntoModule(napi_env env, Call &&call, Handle &&handle) {
  int scopes = env->open_handle_scopes;
  ClearLastError(env);
  call(env);
  if (env->open_handle_scopes != scopes) {
    fprintf(stderr, "fe: a Node-API addon (%s) left %d handle scope(s) open\n", env->filename.c_str(),
            env->open_handle_scopes - scopes);
    abort();
  }
  if (!env->last_exception.IsEmpty()) {
    v8::Local<v8::Value> e = env->last_exception.Get(env->isolate);
    env->last_exception.Reset();
    handle(env, e);
  }
}

// A terminating isolate (worker.terminate(), a worker's process.exit) keeps its termination: the
// parked value is not thrown over it (Node's HandleThrow).
inline void ThrowIntoJs(napi_env env, v8::Local<v8::Value> e) {
  if (env->isolate->IsExecutionTerminating()) return;
  env->isolate->ThrowException(e);
}
// An exception from a callback the loop made (a finalizer, async work's complete, a
// thread-safe function): Node's TriggerUncaughtException.
// `enforced`: always (async work's complete); otherwise the runtime applies Node's policy
// (--force-node-api-uncaught-exceptions-policy, or a DEP0168 warning for older addons).
void Uncaught(napi_env env, v8::Local<v8::Value> e, bool enforced);
inline void UncaughtEnforced(napi_env env, v8::Local<v8::Value> e) { Uncaught(env, e, true); }
inline void UncaughtByPolicy(napi_env env, v8::Local<v8::Value> e) {
  Uncaught(env, e, env->module_api_version == NAPI_VERSION_EXPERIMENTAL);
}

[[noreturn]] void GcAccessFatal();
// Runs a finalizer now (JS thread, outside GC), routing a thrown exception as uncaught (always,
// as Node does for references; by policy for thread-safe functions').
void CallFinalizer(napi_env env, napi_finalize cb, void *data, void *hint, bool enforced = true);
// Queues a finalizer for the next loop turn.
void EnqueueFinalizer(napi_env env, Finalizer f);

// A ref-counted handle on a value: strong while the count is above zero, weak at zero (objects;
// other values are dropped then). With a finalizer it runs that when the value is collected or
// the env is torn down, whichever is first.
struct Reference {
  napi_env env;
  v8::Global<v8::Value> handle;
  uint32_t count;
  bool can_be_weak;
  bool has_finalizer;
  bool delete_self;  // owned by the engine (wrap without result, externals): freed after finalizing
  bool deleted_by_user = false;
  bool finalized = false;
  Finalizer fin;
  Reference *prev = nullptr, *next = nullptr;  // in env->finalizing or env->plain
  Reference **list = nullptr;

  static Reference *New(napi_env env, v8::Local<v8::Value> value, uint32_t count, bool delete_self,
                        napi_finalize cb = nullptr, void *data = nullptr, void *hint = nullptr);
  // The user's napi_delete_reference (or the engine's, for delete_self ones).
  static void Delete(Reference *r);
  uint32_t Ref();
  uint32_t Unref();
  v8::Local<v8::Value> Get();
  void SetWeakIfZero();
  // The value was collected or the env ends: run (or queue) the finalizer once.
  void Finalize(bool queue);
  void Unlink();
};

// Calls an addon may make from a finalizer the GC runs synchronously (node_api_nogc_env ones).
#define FE_CHECK_ENV_NOGC(env) \
  do {                         \
    if ((env) == nullptr) return napi_invalid_arg; \
  } while (0)
// Every other call: not from such a finalizer (an experimental-version addon's), as Node.
#define FE_CHECK_ENV(env)                                                                      \
  do {                                                                                         \
    if ((env) == nullptr) return napi_invalid_arg;                                             \
    if ((env)->in_gc && (env)->module_api_version == NAPI_VERSION_EXPERIMENTAL) ::fe_napi::GcAccessFatal(); \
  } while (0)
#define FE_CHECK_ARG(env, arg) \
  do {                         \
    if ((arg) == nullptr) return ::fe_napi::SetLastError((env), napi_invalid_arg); \
  } while (0)
#define FE_RETURN_IF_FALSE(env, cond, status) \
  do {                                         \
    if (!(cond)) return ::fe_napi::SetLastError((env), (status)); \
  } while (0)
// Every call that may run JS: refuses while an exception is pending and parks what JS throws.
#define FE_PREAMBLE(env)                                                                  \
  FE_CHECK_ENV(env);                                                                      \
  FE_RETURN_IF_FALSE(env, (env)->last_exception.IsEmpty(), napi_pending_exception);       \
  FE_RETURN_IF_FALSE(env, (env)->can_call_into_js(),                                      \
                     (env)->module_api_version == NAPI_VERSION_EXPERIMENTAL ? napi_cannot_run_js \
                                                                            : napi_pending_exception); \
  ::fe_napi::ClearLastError(env);                                                         \
  ::fe_napi::TryCatch try_catch(env)
#define FE_STATUS(env) (try_catch.HasCaught() ? ::fe_napi::SetLastError((env), napi_pending_exception) : napi_ok)
#define FE_MAYBE(env, maybe, status)                                       \
  do {                                                                     \
    if ((maybe).IsNothing()) return ::fe_napi::SetLastError((env), (status)); \
  } while (0)
#define FE_TO_LOCAL(env, out, maybe, status)                               \
  do {                                                                     \
    if (!(maybe).ToLocal(&(out))) return ::fe_napi::SetLastError((env), (status)); \
  } while (0)
#define FE_TO_OBJECT(env, ctx, out, src)                                                 \
  do {                                                                                   \
    FE_CHECK_ARG(env, src);                                                              \
    if (!::fe_napi::V8Value(src)->ToObject(ctx).ToLocal(&(out)))                         \
      return ::fe_napi::SetLastError((env), napi_object_expected);                       \
  } while (0)
#define FE_TO_FUNCTION(env, out, src)                                                    \
  do {                                                                                   \
    FE_CHECK_ARG(env, src);                                                              \
    v8::Local<v8::Value> v_ = ::fe_napi::V8Value(src);                                   \
    if (!v_->IsFunction()) return ::fe_napi::SetLastError((env), napi_function_expected); \
    (out) = v_.As<v8::Function>();                                                       \
  } while (0)

// A UTF-8 name for a property (NewFromUtf8 with length; NAPI_AUTO_LENGTH = strlen).
napi_status NewString(napi_env env, const char *s, size_t len, v8::Local<v8::String> *out);
// The key of a property descriptor (utf8name or name).
napi_status DescriptorName(napi_env env, const napi_property_descriptor *p, v8::Local<v8::Name> *out);
// A function over a napi_callback (napi_create_function, methods, accessors).
v8::MaybeLocal<v8::Function> NewFunction(napi_env env, napi_callback cb, void *data,
                                          v8::Local<v8::String> name = v8::Local<v8::String>());
v8::Local<v8::FunctionTemplate> NewFunctionTemplate(napi_env env, napi_callback cb, void *data,
                                                     v8::Local<v8::Signature> sig = v8::Local<v8::Signature>());
v8::PropertyAttribute V8Attributes(const napi_property_descriptor *p);

// The host's hooks (fe_napi_set_host) and the env registry.
extern fe_napi_host g_host;
void Post(napi_env env, void (*fn)(void *), void *arg, bool keep_alive);
void RefLoop(napi_env env, int delta);
void EnvRef(napi_env env);
void EnvUnref(napi_env env);
// Node's InternalCallbackScope close: the nextTick queue, then microtasks.
void RunTicks(napi_env env);
void CloseThreadsafeFunctions(napi_env env);
// After an addon callback: keeps the loop alive while the env's libuv loop has live handles.
void SyncUvLoop(napi_env env);
// Calls hooks.<name>(args...) (async_hooks); an empty handle when there is no such hook.
v8::Local<v8::Value> CallHook(napi_env env, const char *name, int argc, v8::Local<v8::Value> *argv);
// Runs the env's libuv loop once without waiting, before a callback from another thread: what a
// thread did first (uv_async_send, say) reaches JS first, as on Node's single loop.
void DrainUv(napi_env env);
// Runs fn inside a handle scope and the env's context (for work posted to the loop).
template <typename F>
void InScope(napi_env env, F &&fn) {
  v8::HandleScope scope(env->isolate);
  v8::Context::Scope cs(env->ctx());
  fn();
}

}  // namespace fe_napi
