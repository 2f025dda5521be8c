// fe_v8.h — the only door between Swift and V8.
//
// Why a shim: V8's API is C++ templates and stack-only RAII types (Local, HandleScope) that Swift
// cannot hold safely. This header is plain C: V8 objects cross as opaque handles, calls return
// small status codes, and every function is a short forwarder named fe_<thing>_<verb>.
//
// Handle lifetimes:
//   fe_val  a Local<Value>; valid only inside the fe_rt_scope callback or op call it came from.
//   fe_ref  a Global<Value>; valid until fe_ref_free or the runtime's disposal.
#ifndef FE_V8_H
#define FE_V8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fe_rt fe_rt;              // an isolate, its one context and the runtime's core object
typedef struct fe_val_s *fe_val;         // Local<Value>
typedef struct fe_ref_s *fe_ref;         // Global<Value>
typedef struct fe_call fe_call;          // one native op invocation

typedef enum {
  FE_OK = 0,
  FE_EXCEPTION = 1,   // a JS exception is pending: fe_rt_exception() returns it
  FE_TERMINATED = 2,  // fe_rt_terminate() stopped execution
} fe_status;

typedef enum {
  FE_TYPE_UNDEFINED = 0,
  FE_TYPE_NULL,
  FE_TYPE_BOOLEAN,
  FE_TYPE_NUMBER,
  FE_TYPE_BIGINT,
  FE_TYPE_STRING,
  FE_TYPE_SYMBOL,
  FE_TYPE_FUNCTION,
  FE_TYPE_ARRAY,
  FE_TYPE_BYTES,     // any ArrayBufferView or ArrayBuffer
  FE_TYPE_PROMISE,
  FE_TYPE_OBJECT,
} fe_type;

typedef enum { FE_PROMISE_PENDING = 0, FE_PROMISE_FULFILLED, FE_PROMISE_REJECTED } fe_promise_state;

typedef enum {
  FE_MODULE_UNINSTANTIATED = 0,
  FE_MODULE_INSTANTIATING,
  FE_MODULE_INSTANTIATED,
  FE_MODULE_EVALUATING,
  FE_MODULE_EVALUATED,
  FE_MODULE_ERRORED,
} fe_module_status;

// Host callbacks: set once per process, before the first runtime. `host` is the pointer given
// to fe_rt_new; the shim never interprets it.
typedef struct {
  // A native op was called from JS: op is the index into the op table given at bootstrap.
  void (*op)(void *host, uint32_t op, fe_call *call);
  // An ES module import needs resolving: return the module (a Local from fe_ref_get) or NULL
  // after fe_rt_throw. `referrer` is the importing module itself (identity hashes collide).
  fe_val (*resolve_module)(void *host, fe_rt *rt, fe_val specifier, fe_val referrer);
  // import.meta of a module is first accessed.
  void (*import_meta)(void *host, fe_rt *rt, fe_val module, fe_val meta);
  // import() was called: return a promise (or NULL after fe_rt_throw). `host_id` is the vm host
  // id the calling code was compiled with (fe_context_run, fe_vm_module_compile), 0 for none.
  // `assertions`: the import's assertions as an object (`import(x, { assert: {...} })`).
  fe_val (*dynamic_import)(void *host, fe_rt *rt, fe_val specifier, fe_val referrer_name, int host_id,
                           fe_val assertions);
} fe_host_callbacks;

// --- process -------------------------------------------------------------------------------
// Sets V8 flags and initialises the platform; later calls are no-ops. Not thread-safe.
// `worker_threads`: V8's background threads (GC, compiles); 0 for one per processor but one.
void fe_v8_init(const char *flags, int worker_threads, const fe_host_callbacks *callbacks);
// V8 stopped the process (a fatal error, or out of memory beyond any limit the host set): the
// host words the message and picks the exit code. The handler must not return; without one the
// shim prints V8's words and exits 70.
typedef void (*fe_fatal_handler)(bool out_of_memory, const char *location, const char *message);
void fe_set_fatal_handler(fe_fatal_handler handler);
const char *fe_v8_version(void);
// The GNU build id of the library V8 lives in, as hex ("" if none): part of the engine id.
const char *fe_v8_build_id(void);
// V8's own check of a snapshot's version header; never aborts.
bool fe_snapshot_is_valid(const void *data, size_t size);

// --- runtimes ------------------------------------------------------------------------------
// A script source a snapshot refers to instead of holding it: large sources compiled while
// building a snapshot are external strings, their characters stored beside V8's data.
enum { FE_SOURCE_SLOTS = 4 };
enum { FE_SOURCE_NONE = 0, FE_SOURCE_LATIN1 = 1, FE_SOURCE_UTF16 = 2 };
typedef struct {
  uint32_t kind;     // FE_SOURCE_LATIN1: one byte a character; FE_SOURCE_UTF16: UTF-16 code units
  const void *data;  // must outlive the runtime, like the snapshot
  size_t length;     // in characters (code units)
} fe_source;

// Boots an isolate. With a snapshot, the context and core object come from it (the memory must
// outlive the runtime: V8 does not copy it) and `sources` are the sources it was built with, in
// the order fe_rt_snapshot_sources gave them. Without one, call fe_rt_bootstrap next.
// for_snapshot creates the isolate through a SnapshotCreator so fe_rt_create_snapshot works.
// `limits` (optional) caps the JS heap and the memory held by ArrayBuffers (a config sandbox):
// past the heap limit the isolate's execution is terminated (fe_rt_limit_reached tells why), past
// the ArrayBuffer limit an allocation fails as V8 reports it (a RangeError in JS).
typedef struct {
  size_t heap_bytes;      // 0: V8's default
  size_t external_bytes;  // 0: unlimited
  // A worker's resourceLimits, each 0 for V8's default.
  size_t old_generation_bytes;
  size_t young_generation_bytes;
  size_t code_range_bytes;
  const void *stack_limit;  // the lowest stack address JS may use on the creating thread; NULL: V8's
  // Near V8's own heap limit, terminate execution (fe_rt_limit_reached says FE_LIMIT_HEAP) instead
  // of letting V8 abort the process: a worker running out of memory ends only itself.
  bool stop_at_heap_limit;
} fe_limits;
fe_rt *fe_rt_new(const void *snapshot, size_t snapshot_size, const fe_source *sources, size_t source_count,
                 bool for_snapshot, const fe_limits *limits, void *host);
// The function V8's promise-rejection events go to: (event, promise, reason). The host picks it.
void fe_rt_set_promise_reject_handler(fe_rt *rt, fe_val handler);
typedef enum { FE_LIMIT_NONE = 0, FE_LIMIT_HEAP = 1, FE_LIMIT_EXTERNAL = 2 } fe_limit;
// Which of the runtime's limits was reached first, if any.
fe_limit fe_rt_limit_reached(fe_rt *rt);
void fe_rt_dispose(fe_rt *rt);
// Runs `source` as `(function (ops) { ... })` with an object of native functions named
// op_names (in that fixed order: the order is part of the engine id) and keeps its return value
// as the runtime's core object.
// `code_cache` (optional) is V8's code cache of this same source from fe_rt_bootstrap_code_cache:
// the functions compiled when it was made come with their bytecode. A rejected cache is ignored.
fe_status fe_rt_bootstrap(fe_rt *rt, const char *source, size_t len, const char *name,
                          const char *const *op_names, size_t op_count, const uint8_t *code_cache,
                          size_t code_cache_len);
// V8's code cache of the bootstrap function, with every function compiled so far: a malloc'ed
// buffer the caller frees, or NULL.
uint8_t *fe_rt_bootstrap_code_cache(fe_rt *rt, size_t *out_size);
// Serialises the heap (kKeep: compiled bytecode stays). Returns a malloc'ed buffer the caller
// frees with free(), or NULL. The runtime can only be disposed afterwards.
uint8_t *fe_rt_create_snapshot(fe_rt *rt, size_t *out_size);
// The sources a snapshot built by this runtime refers to (at most FE_SOURCE_SLOTS), valid until
// fe_rt_dispose. Store their characters with the snapshot and pass them back to fe_rt_new.
size_t fe_rt_snapshot_sources(fe_rt *rt, fe_source *out, size_t max);

typedef void (*fe_scope_fn)(void *ctx, fe_rt *rt);
// Enters a HandleScope and the context, then calls fn. Every fe_val lives inside such a scope.
void fe_rt_scope(fe_rt *rt, fe_scope_fn fn, void *ctx);

void *fe_rt_host(fe_rt *rt);
fe_val fe_rt_core(fe_rt *rt);
fe_val fe_rt_global(fe_rt *rt);
void fe_rt_run_microtasks(fe_rt *rt);
// The process's time zone changed (TZ): V8 and ICU detect it again for Date and Intl.
void fe_rt_timezone_changed(fe_rt *rt);
// Thread-safe: stops running JS as soon as possible (used for time limits).
void fe_rt_terminate(fe_rt *rt);
void fe_rt_cancel_terminate(fe_rt *rt);
bool fe_rt_is_terminating(fe_rt *rt);
// Calls fn(arg) from the isolate's thread at the next interrupt check. Thread-safe.
void fe_rt_request_interrupt(fe_rt *rt, void (*fn)(void *), void *arg);
void fe_rt_low_memory(fe_rt *rt);
// The event loop waits (true) or runs again (false): the CPU profiler counts the wait as (idle).
void fe_rt_set_idle(fe_rt *rt, bool idle);
// Records where objects are allocated, for heap snapshots (Node's --track-heap-objects).
void fe_rt_track_heap_objects(fe_rt *rt);
// V8's heap figures for process.memoryUsage(): total and used heap size, external memory.
void fe_rt_heap_stats(fe_rt *rt, double *total, double *used, double *external);

// The pending exception after FE_EXCEPTION (cleared by this call) and where it was thrown.
fe_val fe_rt_exception(fe_rt *rt);
// For the last exception: script name, 1-based line and column, and the source line; any
// out-pointer may be NULL. Returns false when V8 had no location.
bool fe_rt_exception_location(fe_rt *rt, fe_val *file, int *line, int *column, fe_val *source_line);
// For the last exception: the 0-based column just past what V8 points at, or -1.
int fe_rt_exception_end_column(fe_rt *rt);
// Makes `value` the exception of the current op or callback.
void fe_rt_throw(fe_rt *rt, fe_val value);

// --- scripts and functions ---------------------------------------------------------------
fe_status fe_script_run(fe_rt *rt, const char *source, size_t len, const char *name, fe_val *result);
// Compiles source as the body of a function with the given parameter names (CommonJS wrapper).
fe_status fe_function_compile(fe_rt *rt, const char *source, size_t len, const char *name,
                              const char *const *params, size_t param_count, fe_val *result);
// The same, but every inner function is compiled now too (ScriptCompiler::kEagerCompile), so a
// snapshot taken afterwards holds their bytecode: Node CLIs compiled when their blob is built.
fe_status fe_function_compile_eager(fe_rt *rt, const char *source, size_t len, const char *name,
                                    const char *const *params, size_t param_count, fe_val *result);
// The same with a JS string as the source, which the compiled script then shares (no copy):
// a package image keeps each file's source once, for the function and for checking it.
fe_status fe_function_compile_string(fe_rt *rt, fe_val source, const char *name, const char *const *params,
                                     size_t param_count, bool eager, fe_val *result);
fe_status fe_function_call(fe_rt *rt, fe_val fn, fe_val receiver, size_t argc, const fe_val *argv,
                           fe_val *result);
fe_status fe_function_construct(fe_rt *rt, fe_val fn, size_t argc, const fe_val *argv, fe_val *result);

// --- ES modules ----------------------------------------------------------------------------
fe_status fe_module_compile(fe_rt *rt, const char *source, size_t len, const char *name, fe_val *module);
// A module whose namespace has one export per name in `names`, set from `values` (JSON, builtins).
fe_val fe_module_synthetic(fe_rt *rt, const char *name, fe_val names_array, fe_val values_object);
int fe_module_hash(fe_rt *rt, fe_val module);
// Whether two handles are the same module (the hash narrows the search; this decides).
bool fe_module_same(fe_rt *rt, fe_val a, fe_val b);
// The specifiers the module imports statically, as a JS array of strings.
fe_val fe_module_requests(fe_rt *rt, fe_val module);
// Each static import's assertions (`import x from "y" assert { type: "json" }`), as objects in
// the order of fe_module_requests.
fe_val fe_module_request_assertions(fe_rt *rt, fe_val module);
fe_status fe_module_instantiate(fe_rt *rt, fe_val module);
// Evaluates; *result is the promise of top-level await.
fe_status fe_module_evaluate(fe_rt *rt, fe_val module, fe_val *result);
fe_module_status fe_module_status_of(fe_rt *rt, fe_val module);
fe_val fe_module_namespace(fe_rt *rt, fe_val module);
fe_val fe_module_exception(fe_rt *rt, fe_val module);

// --- vm modules (Node's vm.SourceTextModule / vm.SyntheticModule) ------------------------------
// A module compiled for vm: positions shifted by the offsets, `host_id` for its import() calls,
// and V8's code cache to consume when `cache` is not NULL (*cache_rejected says whether V8 took it).
fe_status fe_vm_module_compile(fe_rt *rt, const char *source, size_t len, const char *name, int line_offset,
                               int column_offset, int host_id, const uint8_t *cache, size_t cache_len,
                               bool *cache_rejected, fe_val *module);
// A synthetic module whose evaluation calls `steps` (a function that sets the exports).
fe_val fe_vm_module_synthetic(fe_rt *rt, const char *name, fe_val names_array, fe_val steps);
fe_status fe_vm_module_set_export(fe_rt *rt, fe_val module, fe_val name, fe_val value);
// Instantiate and evaluate in the context `global` belongs to (NULL: the runtime's own); imports
// resolve through the host's resolve_module, as for every module.
fe_status fe_vm_module_instantiate(fe_rt *rt, fe_val global, fe_val module);
fe_status fe_vm_module_evaluate(fe_rt *rt, fe_val global, fe_val module, fe_val *result);
// V8's code cache of a source text module: malloc'ed (free() it), or NULL.
uint8_t *fe_vm_module_code_cache(fe_rt *rt, fe_val module, size_t *out_size);

// --- values ------------------------------------------------------------------------------
fe_type fe_val_type(fe_rt *rt, fe_val v);
fe_val fe_undefined(fe_rt *rt);
fe_val fe_null(fe_rt *rt);
fe_val fe_bool(fe_rt *rt, bool b);
fe_val fe_number(fe_rt *rt, double d);
fe_val fe_string(fe_rt *rt, const char *utf8, size_t len);
fe_val fe_object_new(fe_rt *rt);
fe_val fe_array_new(fe_rt *rt, size_t len);
// A Uint8Array holding a copy of the bytes.
fe_val fe_bytes_new(fe_rt *rt, const void *data, size_t len);
// A Float64Array holding a copy of the numbers (cheaper than an array of Numbers).
fe_val fe_float64_array_new(fe_rt *rt, const double *values, size_t count);
fe_val fe_error_new(fe_rt *rt, const char *utf8, size_t len);
fe_val fe_type_error_new(fe_rt *rt, const char *utf8, size_t len);

bool fe_val_bool(fe_rt *rt, fe_val v);       // ToBoolean
double fe_val_number(fe_rt *rt, fe_val v);   // ToNumber, NaN on failure
// ToString as UTF-8 in a buffer owned by the runtime: valid until the next fe_val_utf8 call.
const char *fe_val_utf8(fe_rt *rt, fe_val v, size_t *len);
// Points into the bytes of an ArrayBufferView / ArrayBuffer (valid inside the current scope).
void *fe_val_bytes(fe_rt *rt, fe_val v, size_t *len);
bool fe_val_strict_equals(fe_rt *rt, fe_val a, fe_val b);
int fe_object_identity(fe_rt *rt, fe_val obj);  // identity hash: equal for the same object
fe_val fe_json_parse(fe_rt *rt, const char *utf8, size_t len);  // NULL on a syntax error (pending)
fe_val fe_json_stringify(fe_rt *rt, fe_val v);                  // NULL when not serialisable

fe_val fe_object_get(fe_rt *rt, fe_val obj, fe_val key);          // NULL when a getter threw
fe_val fe_object_get_named(fe_rt *rt, fe_val obj, const char *key);
bool fe_object_set(fe_rt *rt, fe_val obj, fe_val key, fe_val value);
bool fe_object_set_named(fe_rt *rt, fe_val obj, const char *key, fe_val value);
fe_val fe_object_keys(fe_rt *rt, fe_val obj);                     // own enumerable string keys
uint32_t fe_array_length(fe_rt *rt, fe_val arr);
fe_val fe_array_get(fe_rt *rt, fe_val arr, uint32_t i);
bool fe_array_set(fe_rt *rt, fe_val arr, uint32_t i, fe_val value);

fe_promise_state fe_promise_state_of(fe_rt *rt, fe_val promise);
fe_val fe_promise_result(fe_rt *rt, fe_val promise);
fe_val fe_promise_resolver_new(fe_rt *rt);   // a Promise.withResolvers-like resolver
fe_val fe_resolver_promise(fe_rt *rt, fe_val resolver);
void fe_resolver_resolve(fe_rt *rt, fe_val resolver, fe_val value);
void fe_resolver_reject(fe_rt *rt, fe_val resolver, fe_val value);
// Marks a rejected promise as handled so it does not count as an unhandled rejection.
void fe_promise_mark_handled(fe_rt *rt, fe_val promise);

fe_ref fe_ref_new(fe_rt *rt, fe_val v);
fe_val fe_ref_get(fe_rt *rt, fe_ref ref);
void fe_ref_free(fe_ref ref);

// --- vm contexts -------------------------------------------------------------------------
// Why: Node's vm module runs code in a second context of the same isolate whose global object
// reads and writes through to an ordinary object, the "sandbox" (Node's contextify). The
// forwarding is a named/indexed property interceptor on the new global; the sandbox is kept in
// the context's embedder data, so a context lives exactly as long as its global is reachable.
// Returns the new context's global (proxy).
fe_val fe_context_new(fe_rt *rt, fe_val sandbox);
// vm's codeGeneration option for the context `global` belongs to: eval/new Function, and
// WebAssembly compiles (refused with V8's EvalError / CompileError when false).
void fe_context_set_code_generation(fe_rt *rt, fe_val global, bool strings, bool wasm);
// vm.measureMemory: a promise V8 settles from its own tasks (fe_rt_pump_tasks) once it measured
// the isolate's contexts (`eager`: with a GC of its own, at once).
fe_val fe_measure_memory(fe_rt *rt, bool detailed, bool eager);
// Compiles `source` as a classic script in the context `global` belongs to (NULL: the runtime's
// own) and, unless compile_only, runs it there. The offsets shift the positions V8 reports;
// `host_id` (0: none) goes to the host's dynamic_import for the script's import() calls.
fe_status fe_context_run(fe_rt *rt, fe_val global, const char *source, size_t len, const char *name,
                         int line_offset, int column_offset, int host_id, bool compile_only, fe_val *result);
// Compiles `source` as the body of a function in the context `global` belongs to (NULL: the
// runtime's own), with `params` (an array of names) and `extensions` (an array of objects whose
// properties are in scope). `host_id`: as for fe_context_run.
fe_status fe_context_compile_function(fe_rt *rt, fe_val global, const char *source, size_t len,
                                      const char *name, int line_offset, int column_offset, int host_id,
                                      fe_val params, fe_val extensions, fe_val *result);
// V8's code cache for a classic script (vm.Script#createCachedData): a malloc'ed buffer the caller
// frees with free(), or NULL when the source does not compile (an exception is pending).
uint8_t *fe_script_code_cache(fe_rt *rt, const char *source, size_t len, const char *name, size_t *out_size);

// What V8 knows about a value that JavaScript cannot ask reliably across contexts (util.types).
typedef enum {
  FE_KIND_EXTERNAL = 0,
  FE_KIND_DATE,
  FE_KIND_ARGUMENTS,
  FE_KIND_BIGINT_OBJECT,
  FE_KIND_BOOLEAN_OBJECT,
  FE_KIND_NUMBER_OBJECT,
  FE_KIND_STRING_OBJECT,
  FE_KIND_SYMBOL_OBJECT,
  FE_KIND_NATIVE_ERROR,
  FE_KIND_REGEXP,
  FE_KIND_ASYNC_FUNCTION,
  FE_KIND_GENERATOR_FUNCTION,
  FE_KIND_GENERATOR_OBJECT,
  FE_KIND_PROMISE,
  FE_KIND_MAP,
  FE_KIND_SET,
  FE_KIND_MAP_ITERATOR,
  FE_KIND_SET_ITERATOR,
  FE_KIND_WEAK_MAP,
  FE_KIND_WEAK_SET,
  FE_KIND_ARRAY_BUFFER,
  FE_KIND_DATA_VIEW,
  FE_KIND_SHARED_ARRAY_BUFFER,
  FE_KIND_PROXY,
  FE_KIND_MODULE_NAMESPACE,
  FE_KIND_ARRAY_BUFFER_VIEW,
  FE_KIND_TYPED_ARRAY,
  FE_KIND_UINT8_ARRAY,
  FE_KIND_UINT8_CLAMPED_ARRAY,
  FE_KIND_UINT16_ARRAY,
  FE_KIND_UINT32_ARRAY,
  FE_KIND_INT8_ARRAY,
  FE_KIND_INT16_ARRAY,
  FE_KIND_INT32_ARRAY,
  FE_KIND_FLOAT32_ARRAY,
  FE_KIND_FLOAT64_ARRAY,
  FE_KIND_BIGINT64_ARRAY,
  FE_KIND_BIGUINT64_ARRAY,
} fe_kind;
bool fe_val_is(fe_rt *rt, fe_val v, fe_kind kind);

// introspection.cc: V8's class name of an object (Object::GetConstructorName; "" for a primitive).
fe_val fe_constructor_name(fe_rt *rt, fe_val obj);
// A proxy's target and handler (null once revoked); false when `value` is no proxy.
bool fe_proxy_details(fe_rt *rt, fe_val value, fe_val *target, fe_val *handler);
// An External holding `pointer`, and the pointer an External holds (false for any other value).
fe_val fe_external_new(fe_rt *rt, void *pointer);
bool fe_external_value(fe_rt *rt, fe_val value, uintptr_t *out);
// The isolate's private symbol of that name (Private::ForApi), as a value usable as a key.
fe_val fe_private_symbol(fe_rt *rt, const char *name);
// Whether a typed array or DataView has its ArrayBuffer yet (small ones live on V8's heap until asked).
bool fe_view_has_buffer(fe_rt *rt, fe_val view);
// A Map/Set iterator's remaining entries or a WeakMap's/WeakSet's (Object::PreviewEntries), flat
// [k, v, k, v…] when *key_value; NULL for any other value.
fe_val fe_preview_entries(fe_rt *rt, fe_val obj, bool *key_value);
// Where V8 would say `error` was thrown if it went uncaught (Exception::CreateMessage): its own
// errors' throw site, else where the error was made; false when it knows no line.
bool fe_error_location(fe_rt *rt, fe_val error, fe_val *file, int *line, int *column, int *end_column, fe_val *source_line);

// --- ops -----------------------------------------------------------------------------------
fe_rt *fe_call_rt(fe_call *call);
int fe_call_argc(fe_call *call);
fe_val fe_call_arg(fe_call *call, int i);   // undefined past the end
void fe_call_return(fe_call *call, fe_val v);

// --- threads and the platform ------------------------------------------------------------
// Runs the V8 platform's pending foreground tasks for this runtime's isolate (FinalizationRegistry
// cleanup, Atomics.waitAsync settlements): without it they never run. Call from the loop's thread.
void fe_rt_pump_tasks(fe_rt *rt);

// --- structured clone (Shim/src/fe_serialize.cc) -----------------------------------------
// Why: postMessage, structuredClone and node:v8's Serializer need V8's ValueSerializer: its wire
// format, SharedArrayBuffers that stay shared, ArrayBuffers whose memory moves. A serializer or
// deserializer is a JS object (freed by the GC) whose delegate calls the functions of `hooks`:
// writeHostObject(ser, object) for objects with internal fields (fe_host_object_new) or, when
// asked, ArrayBuffer views; getSharedArrayBufferId(ser, sab) (not for messages);
// dataCloneError(message) returns the error to throw; readHostObject(des) returns the object.
// Functions returning false or NULL leave a JS exception pending, unless their comment says not.
typedef struct fe_msg fe_msg;  // a finished message: its bytes and the memory it carries; any thread
fe_val fe_ser_new(fe_rt *rt, fe_val hooks, bool for_message);
bool fe_ser_is(fe_rt *rt, fe_val ser);
void fe_ser_write_header(fe_rt *rt, fe_val ser);
bool fe_ser_write_value(fe_rt *rt, fe_val ser, fe_val value);
void fe_ser_write_uint32(fe_rt *rt, fe_val ser, uint32_t v);
void fe_ser_write_uint64(fe_rt *rt, fe_val ser, uint64_t v);
void fe_ser_write_double(fe_rt *rt, fe_val ser, double v);
void fe_ser_write_raw(fe_rt *rt, fe_val ser, const void *data, size_t len);
typedef enum {
  FE_TRANSFER_OK = 0,
  FE_TRANSFER_INVALID,          // not a serializer or not an ArrayBuffer (no exception)
  FE_TRANSFER_DETACHED,         // (no exception)
  FE_TRANSFER_NOT_DETACHABLE,   // (no exception)
  FE_TRANSFER_DUPLICATE,        // listed twice (no exception)
  FE_TRANSFER_KEPT,             // native memory (a Node-API addon's): copied, not moved (no exception)
} fe_transfer;
// For a message serializer the buffer's memory moves into the message (fe_ser_release_message).
fe_transfer fe_ser_transfer_array_buffer(fe_rt *rt, fe_val ser, uint32_t id, fe_val buffer);
void fe_ser_treat_views_as_host_objects(fe_rt *rt, fe_val ser, bool mode);
// The bytes written, as a Uint8Array (once; later calls give an empty one).
fe_val fe_ser_release(fe_rt *rt, fe_val ser);
// A message serializer's message: transferred ArrayBuffers are detached now. NULL if not one.
fe_msg *fe_ser_release_message(fe_rt *rt, fe_val ser);
size_t fe_msg_size(const fe_msg *msg);
// Another message with the same bytes, sharing its SharedArrayBuffers and Wasm modules (one per
// BroadcastChannel receiver). Only for messages without transferred ArrayBuffers.
fe_msg *fe_msg_copy(const fe_msg *msg);
void fe_msg_free(fe_msg *msg);
fe_val fe_des_new(fe_rt *rt, fe_val hooks, const void *data, size_t len);  // copies the bytes
fe_val fe_des_new_message(fe_rt *rt, fe_val hooks, fe_msg *msg);            // takes the message
bool fe_des_is(fe_rt *rt, fe_val des);
bool fe_des_read_header(fe_rt *rt, fe_val des);
fe_val fe_des_read_value(fe_rt *rt, fe_val des);
bool fe_des_read_uint32(fe_rt *rt, fe_val des, uint32_t *out);  // false: no exception
bool fe_des_read_uint64(fe_rt *rt, fe_val des, uint64_t *out);  // false: no exception
bool fe_des_read_double(fe_rt *rt, fe_val des, double *out);    // false: no exception
// Skips `len` raw bytes; *offset is where they start in the bytes given. false: no exception.
bool fe_des_read_raw(fe_rt *rt, fe_val des, size_t len, size_t *offset);
// node:v8's Deserializer#transferArrayBuffer: an ArrayBuffer or SharedArrayBuffer for `id`.
bool fe_des_transfer_array_buffer(fe_rt *rt, fe_val des, uint32_t id, fe_val buffer);
uint32_t fe_des_wire_format_version(fe_rt *rt, fe_val des);
// An empty object with one internal field: V8's serializer gives it to writeHostObject (ports).
fe_val fe_host_object_new(fe_rt *rt);
bool fe_host_object_is(fe_rt *rt, fe_val v);

// --- node:v8 -------------------------------------------------------------------------------
// v8.getHeapStatistics(), in Node's order: total_heap_size, total_heap_size_executable,
// total_physical_size, total_available_size, used_heap_size, heap_size_limit, malloced_memory,
// peak_malloced_memory, does_zap_garbage, number_of_native_contexts, number_of_detached_contexts,
// total_global_handles_size, used_global_handles_size, external_memory.
enum { FE_HEAP_STAT_COUNT = 14 };
void fe_rt_heap_statistics(fe_rt *rt, double out[FE_HEAP_STAT_COUNT]);
// An array of [space_name, space_size, space_used_size, space_available_size, physical_space_size].
fe_val fe_rt_heap_space_statistics(fe_rt *rt);
// code_and_metadata_size, bytecode_and_metadata_size, external_script_source_size,
// cpu_profiler_metadata_size.
void fe_rt_heap_code_statistics(fe_rt *rt, double out[4]);
uint32_t fe_v8_cached_data_version_tag(void);
void fe_v8_set_flags(const char *flags, size_t len);
// The heap snapshot as V8's JSON: a malloc'ed buffer the caller frees, or NULL.
uint8_t *fe_rt_heap_snapshot(fe_rt *rt, size_t *out_size);

// --- garbage collections (Shim/src/gc_records.cc) ------------------------------------------
// Why: Node's 'gc' performance entries and v8.GCProfiler describe each collection, which V8
// reports only to callbacks it runs inside the collection, where no JavaScript may run. While
// tracking is on, each collection of the runtime's isolate is recorded; the runtime takes the
// records after its loop's turn. kind is V8's GCType bit, flags its GCCallbackFlags; times are
// CLOCK_MONOTONIC nanoseconds; heap statistics in fe_rt_heap_statistics' order and per space
// (by fe_rt_heap_space_statistics' index) space_size, space_used_size, space_available_size,
// physical_space_size. Call both from the runtime's thread.
enum { FE_GC_SPACE_MAX = 16 };
typedef struct fe_gc_record {
  int kind;
  int flags;
  double start_ns;
  double end_ns;
  double before[FE_HEAP_STAT_COUNT];
  double after[FE_HEAP_STAT_COUNT];
  double spaces_before[FE_GC_SPACE_MAX][4];
  double spaces_after[FE_GC_SPACE_MAX][4];
} fe_gc_record;
void fe_rt_track_gc(fe_rt *rt, bool on);
// Moves up to `max` records, oldest first, into `out`; returns how many.
size_t fe_rt_take_gc_records(fe_rt *rt, fe_gc_record *out, size_t max);

// --- promise hooks (Shim/src/promise_hooks.cc) ---------------------------------------------
// Why: async_hooks and AsyncLocalStorage follow promise continuations, which only V8 sees. Sets
// the current context's promise hooks: init(promise, parent), before(promise), after(promise),
// resolve(promise); a value that is not a function (or NULL) clears that hook. Call it from an op.
void fe_rt_set_promise_hooks(fe_rt *rt, fe_val init, fe_val before, fe_val after, fe_val resolve);

// --- inspector (Shim/src/inspector.cc) -----------------------------------------------------
// Why: V8's inspector is C++ interfaces the embedder implements (a client per isolate, a channel
// per session); the shim implements them and only the protocol's JSON crosses. The runtime's
// inspector is made at launch or on first use, with the main context (group 1); vm contexts are
// reported as they are made.
// A JS session's messages go to `on_message(json)`, called synchronously on the isolate's thread
// (Node's in-process Session); a native session (on_message NULL: a WebSocket client) has its
// messages sent through the host below. Session ids are > 0; 0 means on_message was no function.
typedef struct {
  void *ctx;
  // A message for native session `session`, UTF-8 JSON. On the isolate's thread.
  void (*send)(void *ctx, int32_t session, const char *json, size_t len);
  // Paused (or waiting for a debugger) with a native session connected: block until a client
  // sends something, dispatch it (fe_inspector_dispatch_utf8) and return true; false when nothing
  // can come any more (every client gone).
  bool (*wait)(void *ctx, fe_rt *rt);
} fe_inspector_host;
// Makes the inspector now rather than at the first session: scripts compiled before it exists are
// not reported to sessions (V8 ties a script to the inspector's id of its context).
// `title` names the main context ("<title>[<pid>]", Node's process title).
void fe_inspector_start(fe_rt *rt, const char *title);
// Reports the vm context `global` belongs to (Node's contextName and contextOrigin); false if the
// runtime has no inspector.
bool fe_inspector_context_created(fe_rt *rt, fe_val global, const char *name, const char *origin);
int32_t fe_inspector_connect(fe_rt *rt, fe_val on_message);
// Hands a session a protocol message (a JS string). false: no such session.
bool fe_inspector_dispatch(fe_rt *rt, int32_t session, fe_val message);
bool fe_inspector_dispatch_utf8(fe_rt *rt, int32_t session, const char *json, size_t len);
// Ends a session (deferred while it is dispatching; no message reaches it after this).
void fe_inspector_disconnect(fe_rt *rt, int32_t session);
size_t fe_inspector_session_count(fe_rt *rt);
// A server's callbacks (all NULL: none); while set, the console reaches the inspector.
void fe_inspector_set_host(fe_rt *rt, const fe_inspector_host *host);
// Blocks until a native session sent Runtime.runIfWaitingForDebugger; false if none could.
bool fe_inspector_wait_for_debugger(fe_rt *rt);
// Inside the debugger's pause loop.
bool fe_inspector_paused(fe_rt *rt);
// Every session pauses at the next JS statement ("Break on start": --inspect-brk).
void fe_inspector_pause_on_next_statement(fe_rt *rt);
// The main context is gone for the inspector (the program ended; clients may still be attached).
void fe_inspector_main_context_destroyed(fe_rt *rt);
// An async task for async stack traces (Node's inspector.asyncTask*): `what` 0 scheduled (`name`,
// `recurring`), 1 started, 2 finished, 3 canceled; `id` an async_hooks id. No-op without an inspector.
void fe_inspector_async_task(fe_rt *rt, int what, double id, const char *name, bool recurring);
// Whether a console call goes to the inspector too: a session is connected or a server listens,
// and no such call is running already. true must be followed by fe_inspector_console_leave.
bool fe_inspector_console_enter(fe_rt *rt);
void fe_inspector_console_leave(fe_rt *rt);

#ifdef __cplusplus
}
#endif

#endif  // FE_V8_H
