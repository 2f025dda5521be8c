// fe_v8.cc — forwarders from the C API in fe_v8.h to V8 10.2 (Debian's libnode108).
// Logic lives in Swift (ops, loader, loop) or in the runtime's JS; this file only translates.
#include "fe_v8.h"
#include "fe_napi.h"

#include "heap_pages.h"
#include "rt_internal.h"
#include "snapshot_sources.h"

#include <libplatform/libplatform.h>
#include <link.h>
#include <unistd.h>
#include <v8.h>
#include <v8-profiler.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

using v8::Array;
using v8::Context;
using v8::EscapableHandleScope;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Module;
using v8::Object;
using v8::Promise;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::TryCatch;
using v8::Value;

// A Local<T> is one pointer; fe_val is that pointer. Checked so a V8 upgrade cannot silently
// change the representation under Swift.
// Modules are v8::Data, not v8::Value, so handles travel as Local<Data>.
static_assert(sizeof(Local<v8::Data>) == sizeof(fe_val), "Local must be pointer-sized");

static inline fe_val V(Local<v8::Data> v) {
  fe_val out;
  memcpy(&out, &v, sizeof out);
  return out;
}
template <typename T = Value>
static inline Local<T> L(fe_val v) {
  // Every Local is the same pointer; the C API's types say which kind of handle this is.
  Local<T> out;
  memcpy(static_cast<void *>(&out), &v, sizeof out);
  return out;
}

namespace {

std::unique_ptr<v8::Platform> g_platform;
fe_host_callbacks g_host;
std::string g_build_id;

void OpTrampoline(const FunctionCallbackInfo<Value> &info);

// vm contexts: interceptors on a context's global that forward to its sandbox object.
using v8::Name;
using v8::PropertyCallbackInfo;
void VmGet(Local<Name> key, const PropertyCallbackInfo<Value> &info);
void VmSet(Local<Name> key, Local<Value> value, const PropertyCallbackInfo<Value> &info);
void VmDescribe(Local<Name> key, const PropertyCallbackInfo<Value> &info);
void VmDelete(Local<Name> key, const PropertyCallbackInfo<v8::Boolean> &info);
void VmEnumerate(const PropertyCallbackInfo<Array> &info);
void VmDefine(Local<Name> key, const v8::PropertyDescriptor &desc, const PropertyCallbackInfo<Value> &info);
void VmGetIndex(uint32_t index, const PropertyCallbackInfo<Value> &info);
void VmSetIndex(uint32_t index, Local<Value> value, const PropertyCallbackInfo<Value> &info);
void VmDescribeIndex(uint32_t index, const PropertyCallbackInfo<Value> &info);
void VmDeleteIndex(uint32_t index, const PropertyCallbackInfo<v8::Boolean> &info);
void VmDefineIndex(uint32_t index, const v8::PropertyDescriptor &desc, const PropertyCallbackInfo<Value> &info);

// Every native function that can end up in a snapshot. Append only: the order is part of the
// engine id, and a snapshot stores indices into this table.
const intptr_t g_external_refs[] = {
    reinterpret_cast<intptr_t>(&OpTrampoline),
    reinterpret_cast<intptr_t>(&VmGet),
    reinterpret_cast<intptr_t>(&VmSet),
    reinterpret_cast<intptr_t>(&VmDescribe),
    reinterpret_cast<intptr_t>(&VmDelete),
    reinterpret_cast<intptr_t>(&VmEnumerate),
    reinterpret_cast<intptr_t>(&VmDefine),
    reinterpret_cast<intptr_t>(&VmGetIndex),
    reinterpret_cast<intptr_t>(&VmSetIndex),
    reinterpret_cast<intptr_t>(&VmDescribeIndex),
    reinterpret_cast<intptr_t>(&VmDeleteIndex),
    reinterpret_cast<intptr_t>(&VmDefineIndex),
    0};

}  // namespace

struct fe_call {
  const FunctionCallbackInfo<Value> *info;
  fe_rt *rt;
};

struct fe_rt {
  Isolate *isolate = nullptr;
  v8::SnapshotCreator *creator = nullptr;  // only for runtimes that build a snapshot
  Isolate::CreateParams params;
  Global<Context> context;
  Global<v8::ObjectTemplate> vm_global_template;  // made on the first vm.createContext
  Global<Object> core;
  Global<Function> bootstrap;  // the runtime's `(function (ops) {…})`, for its code cache
  Global<Function> reject_handler;
  Global<Value> exception;
  Global<v8::Message> message;
  bool terminated = false;
  // Set by fe_rt_terminate from any thread. V8's TerminateExecution only takes effect when
  // JavaScript next runs, so an idle isolate (its loop asleep, waiting for a port) would never
  // see it: the loop reads this instead (worker.terminate() of a worker waiting for messages).
  std::atomic<bool> terminate_requested{false};
  std::string scratch;
  void *host = nullptr;
  v8::StartupData blob{nullptr, 0};
  fe::SnapshotSources sources;  // its resources are in this isolate's external reference table
  // Shared with V8: a backing store keeps the allocator that made it alive, so memory a worker
  // received (a transferred ArrayBuffer, a SharedArrayBuffer) can outlive the isolate it came from.
  std::shared_ptr<v8::ArrayBuffer::Allocator> allocator;
  Global<v8::ObjectTemplate> wrapper_templates[2];  // 1 and 2 internal fields (rt_internal.h)
  // Synthetic modules not yet evaluated, with the object whose properties become their exports.
  std::vector<std::pair<Global<Module>, Global<Object>>> synthetic;
  size_t heap_limit = 0;
  std::atomic<int> limit_reached{FE_LIMIT_NONE};
  fe::Inspector *inspector = nullptr;  // inspector.cc
};

namespace {

// The C API's enums are V8's, cast: these keep them in step when V8's change.
static_assert(FE_MODULE_UNINSTANTIATED == static_cast<int>(Module::kUninstantiated), "module status");
static_assert(FE_MODULE_INSTANTIATING == static_cast<int>(Module::kInstantiating), "module status");
static_assert(FE_MODULE_INSTANTIATED == static_cast<int>(Module::kInstantiated), "module status");
static_assert(FE_MODULE_EVALUATING == static_cast<int>(Module::kEvaluating), "module status");
static_assert(FE_MODULE_EVALUATED == static_cast<int>(Module::kEvaluated), "module status");
static_assert(FE_MODULE_ERRORED == static_cast<int>(Module::kErrored), "module status");
static_assert(FE_PROMISE_PENDING == static_cast<int>(Promise::kPending), "promise state");
static_assert(FE_PROMISE_FULFILLED == static_cast<int>(Promise::kFulfilled), "promise state");
static_assert(FE_PROMISE_REJECTED == static_cast<int>(Promise::kRejected), "promise state");

fe_rt *RuntimeOf(Isolate *isolate) { return static_cast<fe_rt *>(isolate->GetData(0)); }
Local<v8::ObjectTemplate> VmGlobalTemplate(fe_rt *rt);

void OpTrampoline(const FunctionCallbackInfo<Value> &info) {
  fe_rt *rt = RuntimeOf(info.GetIsolate());
  fe_call call{&info, rt};
  g_host.op(rt->host, info.Data().As<Integer>()->Value(), &call);
}

fe_fatal_handler g_fatal = nullptr;

// The host words these (fe_set_fatal_handler); without a handler, V8's words and exit 70.
void OnFatalError(const char *location, const char *message) {
  if (g_fatal != nullptr) g_fatal(false, location, message);
  fprintf(stderr, "V8 stopped: %s (%s)\n", message, location);
  fflush(stderr);
  _exit(70);
}

void OnOOM(const char *location, bool is_heap_oom) {
  const char *message = is_heap_oom ? "JavaScript heap out of memory" : "out of memory";
  if (g_fatal != nullptr) g_fatal(true, location, message);
  fprintf(stderr, "V8 stopped: %s (%s)\n", message, location);
  fflush(stderr);
  _exit(70);
}

// V8's allocator with a ceiling on the bytes live ArrayBuffers hold (fe_limits.external_bytes).
class CappedAllocator : public v8::ArrayBuffer::Allocator {
 public:
  CappedAllocator(size_t cap, fe_rt *rt) : inner_(NewDefaultAllocator()), cap_(cap), rt_(rt) {}
  ~CappedAllocator() override { delete inner_; }
  void *Allocate(size_t length) override { return Take(length) ? Give(inner_->Allocate(length), length) : nullptr; }
  void *AllocateUninitialized(size_t length) override {
    return Take(length) ? Give(inner_->AllocateUninitialized(length), length) : nullptr;
  }
  void Free(void *data, size_t length) override {
    inner_->Free(data, length);
    used_ -= length;
  }

 private:
  bool Take(size_t length) {
    if (used_.fetch_add(length) + length <= cap_) return true;
    used_ -= length;
    int none = FE_LIMIT_NONE;
    rt_->limit_reached.compare_exchange_strong(none, FE_LIMIT_EXTERNAL);
    return false;
  }
  void *Give(void *p, size_t length) {
    if (p == nullptr) used_ -= length;
    return p;
  }
  v8::ArrayBuffer::Allocator *inner_;
  size_t cap_;
  std::atomic<size_t> used_{0};
  fe_rt *rt_;
};

// The heap limit is a wall, not a crash: execution is terminated and V8 gets enough headroom to
// unwind; only a runtime that keeps allocating past twice its limit reaches V8's OOM handler.
size_t OnNearHeapLimit(void *data, size_t current, size_t initial) {
  auto *rt = static_cast<fe_rt *>(data);
  int none = FE_LIMIT_NONE;
  rt->limit_reached.compare_exchange_strong(none, FE_LIMIT_HEAP);
  rt->isolate->TerminateExecution();
  return current < 2 * initial ? current + initial / 4 : current;
}

void OnPromiseReject(v8::PromiseRejectMessage msg) {
  Isolate *isolate = msg.GetPromise()->GetIsolate();
  fe_rt *rt = RuntimeOf(isolate);
  if (rt == nullptr || rt->reject_handler.IsEmpty()) return;
  HandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  Local<Value> reason = msg.GetValue();
  if (reason.IsEmpty()) reason = v8::Undefined(isolate);
  Local<Value> args[] = {Integer::New(isolate, msg.GetEvent()), msg.GetPromise(), reason};
  TryCatch tc(isolate);
  (void)rt->reject_handler.Get(isolate)->Call(ctx, v8::Undefined(isolate), 3, args);
}

MaybeLocal<Module> ResolveModule(Local<Context> context, Local<String> specifier,
                                 Local<v8::FixedArray>, Local<Module> referrer) {
  Isolate *isolate = context->GetIsolate();
  fe_rt *rt = RuntimeOf(isolate);
  fe_val m = g_host.resolve_module(rt->host, rt, V(specifier), V(referrer));
  if (m == nullptr) return MaybeLocal<Module>();
  return L<Module>(m);
}

void InitImportMeta(Local<Context> context, Local<Module> module, Local<Object> meta) {
  fe_rt *rt = RuntimeOf(context->GetIsolate());
  g_host.import_meta(rt->host, rt, V(module), V(meta));
}

// The vm host id of code compiled with one (HostOptions): 0 for everything else.
int HostIdOf(Isolate *isolate, Local<v8::Data> options) {
  if (options.IsEmpty() || !options->IsFixedArray()) return 0;
  Local<v8::PrimitiveArray> array = options.As<v8::PrimitiveArray>();
  if (array->Length() < 1) return 0;
  Local<v8::Primitive> id = array->Get(isolate, 0);
  return id->IsNumber() ? static_cast<int>(id.As<v8::Number>()->Value()) : 0;
}

// Import assertions as V8 lists them ([key, value] pairs, or with `stride` 3 [key, value,
// location]) as a null-prototype object, as Node hands them to JS.
Local<Object> AssertionsObject(Isolate *isolate, Local<Context> ctx, Local<v8::FixedArray> list, int stride) {
  Local<Object> out = Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (int i = 0; !list.IsEmpty() && i + 1 < list->Length(); i += stride) {
    Local<Value> key = list->Get(ctx, i).As<Value>();
    Local<Value> value = list->Get(ctx, i + 1).As<Value>();
    (void)out->Set(ctx, key, value);
  }
  return out;
}

MaybeLocal<Promise> DynamicImport(Local<Context> context, Local<v8::Data> options, Local<Value> resource_name,
                                  Local<String> specifier, Local<v8::FixedArray> assertions) {
  Isolate *isolate = context->GetIsolate();
  fe_rt *rt = RuntimeOf(isolate);
  fe_val p = g_host.dynamic_import(rt->host, rt, V(specifier), V(resource_name), HostIdOf(isolate, options),
                                   V(AssertionsObject(isolate, context, assertions, 2)));
  if (p == nullptr) return MaybeLocal<Promise>();
  return L<Promise>(p);
}

void ConfigureIsolate(fe_rt *rt) {
  Isolate *isolate = rt->isolate;
  isolate->SetData(0, rt);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetFatalErrorHandler(OnFatalError);
  isolate->SetOOMErrorHandler(OnOOM);
  isolate->SetPromiseRejectCallback(OnPromiseReject);
  isolate->SetHostImportModuleDynamicallyCallback(DynamicImport);
  isolate->SetHostInitializeImportMetaObjectCallback(InitImportMeta);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 16);
  // V8's --abort-on-uncaught-exception (v8.setFlagsFromString can turn it on) never aborts at
  // the throw: the runtime's JS decides, after capture callbacks, as Node's toggle does.
  isolate->SetAbortOnUncaughtExceptionCallback([](Isolate *) { return false; });
}

void AdoptCore(fe_rt *rt, Local<Context>, Local<Object> core) { rt->core.Reset(rt->isolate, core); }

// Records the exception of a TryCatch on the runtime and maps it to a status.
fe_status Caught(fe_rt *rt, TryCatch &tc) {
  if (tc.HasTerminated() || rt->isolate->IsExecutionTerminating()) {
    rt->terminated = true;
    return FE_TERMINATED;
  }
  if (!tc.HasCaught()) return FE_OK;
  rt->exception.Reset(rt->isolate, tc.Exception());
  Local<v8::Message> msg = tc.Message();
  if (msg.IsEmpty()) {
    rt->message.Reset();
  } else {
    rt->message.Reset(rt->isolate, msg);
  }
  return FE_EXCEPTION;
}

// Host-defined options carrying a vm host id (Node keeps a symbol there): how import() in code
// compiled by vm finds the callback its compiler was given. Empty for 0.
Local<v8::Data> HostOptions(Isolate *isolate, int host_id) {
  if (host_id == 0) return Local<v8::Data>();
  Local<v8::PrimitiveArray> array = v8::PrimitiveArray::New(isolate, 1);
  array->Set(isolate, 0, v8::Number::New(isolate, host_id));
  return array;
}

ScriptOrigin OriginFor(Isolate *isolate, const char *name, bool is_module) {
  Local<String> n = String::NewFromUtf8(isolate, name).ToLocalChecked();
  return ScriptOrigin(isolate, n, 0, 0, false, -1, Local<Value>(), false, false, is_module);
}

Local<String> Str(Isolate *isolate, const char *s, size_t len) {
  return String::NewFromUtf8(isolate, s, v8::NewStringType::kNormal, static_cast<int>(len))
      .FromMaybe(String::Empty(isolate));
}

// A script's source: in a runtime that builds a snapshot, large ones stay out of the heap.
Local<String> SourceStr(fe_rt *rt, const char *s, size_t len) {
  return rt->creator != nullptr ? rt->sources.Make(rt->isolate, s, len) : Str(rt->isolate, s, len);
}

int BuildIdCallback(struct dl_phdr_info *info, size_t, void *data) {
  // Finds the object that contains V8's code and reads its NT_GNU_BUILD_ID note.
  auto target = reinterpret_cast<uintptr_t>(&v8::V8::GetVersion);
  bool contains = false;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const auto &ph = info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD && target >= start && target < start + ph.p_memsz) contains = true;
  }
  if (!contains) return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const auto &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    auto p = reinterpret_cast<const uint8_t *>(info->dlpi_addr + ph.p_vaddr);
    auto end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      auto nh = reinterpret_cast<const ElfW(Nhdr) *>(p);
      const uint8_t *name = p + sizeof(ElfW(Nhdr));
      const uint8_t *desc = name + ((nh->n_namesz + 3) & ~3u);
      if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
        static const char hex[] = "0123456789abcdef";
        auto out = static_cast<std::string *>(data);
        for (unsigned j = 0; j < nh->n_descsz; j++) {
          out->push_back(hex[desc[j] >> 4]);
          out->push_back(hex[desc[j] & 15]);
        }
        return 1;
      }
      p = desc + ((nh->n_descsz + 3) & ~3u);
    }
  }
  return 1;
}

}  // namespace

// --- process -------------------------------------------------------------------------------

void fe_v8_init(const char *flags, int worker_threads, const fe_host_callbacks *callbacks) {
  if (g_platform) return;
  g_host = *callbacks;
  if (flags != nullptr && *flags != '\0') v8::V8::SetFlagsFromString(flags);
  if (worker_threads <= 0) worker_threads = std::max(1, static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)) - 1);
  g_platform = fe::NewPlatform(worker_threads);
  v8::V8::InitializePlatform(g_platform.get());
  v8::V8::Initialize();
}

const char *fe_v8_version(void) { return v8::V8::GetVersion(); }

const char *fe_v8_build_id(void) {
  if (g_build_id.empty()) dl_iterate_phdr(BuildIdCallback, &g_build_id);
  return g_build_id.c_str();
}

bool fe_snapshot_is_valid(const void *data, size_t size) {
  if (data == nullptr || size < 128 || size > INT32_MAX) return false;
  v8::StartupData blob{static_cast<const char *>(data), static_cast<int>(size)};
  return blob.IsValid();
}

// --- runtimes ------------------------------------------------------------------------------

fe_rt *fe_rt_new(const void *snapshot, size_t snapshot_size, const fe_source *sources, size_t source_count,
                 bool for_snapshot, const fe_limits *limits, void *host) {
  auto *rt = new fe_rt();
  rt->host = host;
  rt->sources.Adopt(sources, source_count);
  const intptr_t *references = rt->sources.References(g_external_refs);
  // The first isolate of a process booted from one of fe's snapshots keeps the hash seed the
  // snapshot was built with instead of drawing a new one and rehashing every string and table
  // in it (~8% of a `tsc --version`); the seed is still random per snapshot build. Only the
  // first: all isolates of a process share one read-only heap, and with it the seed of whichever
  // isolate came first, so every later one must rehash into that. The flag is process-wide and
  // read while the isolate and its context deserialize, hence the lock; it is V8's default again
  // right after, since the flags are part of the hash V8 checks every code cache against: a
  // cache made while it was off was rejected by every isolate made after.
  static std::mutex creating;
  static bool seed_taken = false;
  std::lock_guard<std::mutex> lock(creating);
  bool keep_seed = snapshot != nullptr && !for_snapshot && !seed_taken;
  seed_taken = true;
  if (keep_seed) v8::V8::SetFlagsFromString("--no-rehash-snapshot");
  if (for_snapshot) {
    rt->creator = new v8::SnapshotCreator(references);
    rt->isolate = rt->creator->GetIsolate();
  } else {
    if (limits != nullptr && limits->external_bytes > 0) {
      rt->allocator.reset(new CappedAllocator(limits->external_bytes, rt));
    } else {
      rt->allocator.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    }
    rt->params.array_buffer_allocator_shared = rt->allocator;
    if (limits != nullptr && limits->heap_bytes > 0) {
      rt->heap_limit = limits->heap_bytes;
      rt->params.constraints.ConfigureDefaultsFromHeapSize(0, limits->heap_bytes);
    }
    // A worker's resourceLimits (Node's Worker::UpdateResourceConstraints).
    if (limits != nullptr) {
      v8::ResourceConstraints &c = rt->params.constraints;
      if (limits->old_generation_bytes > 0) c.set_max_old_generation_size_in_bytes(limits->old_generation_bytes);
      if (limits->young_generation_bytes > 0) c.set_max_young_generation_size_in_bytes(limits->young_generation_bytes);
      if (limits->code_range_bytes > 0) c.set_code_range_size_in_bytes(limits->code_range_bytes);
      if (limits->stack_limit != nullptr) {
        c.set_stack_limit(static_cast<uint32_t *>(const_cast<void *>(limits->stack_limit)));
      }
      if (limits->stop_at_heap_limit && rt->heap_limit == 0) rt->heap_limit = SIZE_MAX;
    }
    // A tool's launch starts its young generation at its largest (16 MB semi-spaces) instead
    // of growing it from 1 MB through a scavenge at every step: a CLI's start-up allocates its
    // tables in a burst (tsc's top level: ~5 ms of scavenges, ~10% of a `--version`), for
    // ~14 MB more resident memory. Only there: every isolate that commits them pays for the
    // pages (a blob build's two isolates, ~40 ms of page zeroing on a VM), and a sandbox or a
    // worker with limits keeps V8's defaults.
    if (snapshot != nullptr && limits == nullptr) {
      constexpr size_t kLaunchSemiSpace = size_t{16} << 20;
      rt->params.constraints.set_initial_young_generation_size_in_bytes(3 * kLaunchSemiSpace);  // 2 semi-spaces + large objects
    }
    rt->params.external_references = references;
    if (snapshot != nullptr) {
      rt->blob = {static_cast<const char *>(snapshot), static_cast<int>(snapshot_size)};
      rt->params.snapshot_blob = &rt->blob;
    }
    rt->isolate = Isolate::New(rt->params);
  }
  ConfigureIsolate(rt);
  if (rt->heap_limit > 0) rt->isolate->AddNearHeapLimitCallback(OnNearHeapLimit, rt);
  Isolate::Scope isolate_scope(rt->isolate);
  HandleScope scope(rt->isolate);
  Local<Context> ctx = Context::New(rt->isolate);
  rt->context.Reset(rt->isolate, ctx);
  if (snapshot != nullptr && !for_snapshot) {
    Local<Object> core;
    if (ctx->GetDataFromSnapshotOnce<Object>(0).ToLocal(&core)) AdoptCore(rt, ctx, core);
  }
  if (keep_seed) v8::V8::SetFlagsFromString("--rehash-snapshot");
  return rt;
}

void fe_rt_dispose(fe_rt *rt) {
  if (rt == nullptr) return;
  fe_napi_teardown(rt);  // addons' cleanup hooks and finalizers, while the context still exists
  fe::DisposeInspector(rt);  // its sessions hold contexts and handles
  fe_rt_track_gc(rt, false);  // its records are keyed by this runtime's address
  rt->core.Reset();
  rt->bootstrap.Reset();
  rt->reject_handler.Reset();
  rt->exception.Reset();
  rt->message.Reset();
  rt->vm_global_template.Reset();
  rt->synthetic.clear();
  rt->context.Reset();
  rt->wrapper_templates[0].Reset();
  rt->wrapper_templates[1].Reset();
  // Its foreground task runner goes too (the header: "has to be called for all Isolates").
  v8::platform::NotifyIsolateShutdown(fe::InnerPlatform(g_platform.get()), rt->isolate);
  if (rt->creator != nullptr) {
    delete rt->creator;  // owns and disposes the isolate
  } else {
    if (rt->heap_limit > 0) rt->isolate->RemoveNearHeapLimitCallback(OnNearHeapLimit, 0);
    rt->isolate->Dispose();
  }
  delete rt;  // drops the runtime's share of the allocator
}

fe_status fe_rt_bootstrap(fe_rt *rt, const char *source, size_t len, const char *name,
                          const char *const *op_names, size_t op_count, const uint8_t *code_cache,
                          size_t code_cache_len) {
  Isolate *isolate = rt->isolate;
  Isolate::Scope isolate_scope(isolate);
  HandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  Context::Scope context_scope(ctx);
  TryCatch tc(isolate);

  Local<Object> ops = Object::New(isolate);
  for (size_t i = 0; i < op_count; i++) {
    Local<FunctionTemplate> t = FunctionTemplate::New(isolate, OpTrampoline, Integer::New(isolate, i),
                                                      Local<v8::Signature>(), 0,
                                                      v8::ConstructorBehavior::kThrow);
    Local<String> n = String::NewFromUtf8(isolate, op_names[i]).ToLocalChecked();
    Local<Function> f;
    if (!t->GetFunction(ctx).ToLocal(&f)) return Caught(rt, tc);
    f->SetName(n);
    (void)ops->Set(ctx, n, f);
  }
  ScriptOrigin origin = OriginFor(isolate, name, false);
  auto *cached = code_cache == nullptr ? nullptr
                                       : new ScriptCompiler::CachedData(code_cache, static_cast<int>(code_cache_len));
  ScriptCompiler::Source src(SourceStr(rt, source, len), origin, cached);  // owns `cached`
  Local<String> params[] = {String::NewFromUtf8Literal(isolate, "ops")};
  Local<Function> fn;
  auto options = cached != nullptr ? ScriptCompiler::kConsumeCodeCache : ScriptCompiler::kNoCompileOptions;
  if (!ScriptCompiler::CompileFunction(ctx, &src, 1, params, 0, nullptr, options).ToLocal(&fn)) return Caught(rt, tc);
  rt->bootstrap.Reset(isolate, fn);
  Local<Value> args[] = {ops};
  Local<Value> core;
  if (!fn->Call(ctx, ctx->Global(), 1, args).ToLocal(&core)) return Caught(rt, tc);
  if (!core->IsObject()) {
    isolate->ThrowError(String::NewFromUtf8Literal(isolate, "the runtime bootstrap did not return its core object"));
    return Caught(rt, tc);
  }
  AdoptCore(rt, ctx, core.As<Object>());
  return FE_OK;
}

uint8_t *fe_rt_create_snapshot(fe_rt *rt, size_t *out_size) {
  if (rt->creator == nullptr) return nullptr;
  Isolate *isolate = rt->isolate;
  {
    HandleScope scope(isolate);
    Local<Context> ctx = rt->context.Get(isolate);
    if (!rt->core.IsEmpty()) rt->creator->AddData(ctx, rt->core.Get(isolate));
    // Context kVmContextIndex: a clean context for vm.createContext, since Context::New at launch
    // would deserialize the default context, with all of the runtime's state in it.
    (void)rt->creator->AddContext(Context::New(isolate, nullptr, VmGlobalTemplate(rt)));
    rt->creator->SetDefaultContext(ctx);
  }
  // Global handles cannot be serialised: drop every one the runtime holds.
  rt->core.Reset();
  rt->bootstrap.Reset();
  rt->reject_handler.Reset();
  rt->exception.Reset();
  rt->message.Reset();
  rt->vm_global_template.Reset();
  rt->synthetic.clear();
  rt->context.Reset();
  v8::StartupData data = rt->creator->CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  if (data.data == nullptr || data.raw_size <= 0) return nullptr;
  auto *out = static_cast<uint8_t *>(malloc(data.raw_size));
  memcpy(out, data.data, data.raw_size);
  *out_size = data.raw_size;
  delete[] data.data;
  return out;
}

size_t fe_rt_snapshot_sources(fe_rt *rt, fe_source *out, size_t max) { return rt->sources.Export(out, max); }

uint8_t *fe_rt_bootstrap_code_cache(fe_rt *rt, size_t *out_size) {
  Isolate *isolate = rt->isolate;
  Isolate::Scope isolate_scope(isolate);
  HandleScope scope(isolate);
  if (rt->bootstrap.IsEmpty()) return nullptr;
  std::unique_ptr<ScriptCompiler::CachedData> data(ScriptCompiler::CreateCodeCacheForFunction(rt->bootstrap.Get(isolate)));
  if (!data || data->length <= 0) return nullptr;
  auto *out = static_cast<uint8_t *>(malloc(data->length));
  memcpy(out, data->data, data->length);
  *out_size = data->length;
  return out;
}

namespace {
struct ScopeArgs {
  fe_scope_fn fn;
  void *ctx;
};
}  // namespace

void fe_rt_scope(fe_rt *rt, fe_scope_fn fn, void *ctx) {
  Isolate *isolate = rt->isolate;
  Isolate::Scope isolate_scope(isolate);
  HandleScope scope(isolate);
  if (rt->context.IsEmpty()) return;
  Local<Context> context = rt->context.Get(isolate);
  Context::Scope context_scope(context);
  fn(ctx, rt);
}

void *fe_rt_host(fe_rt *rt) { return rt->host; }

fe_val fe_rt_core(fe_rt *rt) {
  if (rt->core.IsEmpty()) return V(v8::Undefined(rt->isolate));
  return V(rt->core.Get(rt->isolate));
}

fe_val fe_rt_global(fe_rt *rt) { return V(rt->context.Get(rt->isolate)->Global()); }

void fe_rt_run_microtasks(fe_rt *rt) { rt->isolate->PerformMicrotaskCheckpoint(); }

void fe_rt_timezone_changed(fe_rt *rt) {
  rt->isolate->DateTimeConfigurationChangeNotification(Isolate::TimeZoneDetection::kRedetect);
}

void fe_rt_set_promise_reject_handler(fe_rt *rt, fe_val handler) {
  if (handler == nullptr) {
    rt->reject_handler.Reset();
  } else {
    rt->reject_handler.Reset(rt->isolate, L<Function>(handler));
  }
}

fe_limit fe_rt_limit_reached(fe_rt *rt) { return static_cast<fe_limit>(rt->limit_reached.load()); }

void fe_set_fatal_handler(fe_fatal_handler handler) { g_fatal = handler; }

void fe_rt_terminate(fe_rt *rt) {
  rt->terminate_requested = true;
  rt->isolate->TerminateExecution();
}

void fe_rt_cancel_terminate(fe_rt *rt) {
  rt->isolate->CancelTerminateExecution();
  rt->terminate_requested = false;
  rt->terminated = false;
}

bool fe_rt_is_terminating(fe_rt *rt) {
  return rt->terminated || rt->terminate_requested || rt->isolate->IsExecutionTerminating();
}

void fe_rt_request_interrupt(fe_rt *rt, void (*fn)(void *), void *arg) {
  rt->isolate->RequestInterrupt([](Isolate *, void *data) {
    auto pair = static_cast<std::pair<void (*)(void *), void *> *>(data);
    pair->first(pair->second);
    delete pair;
  }, new std::pair<void (*)(void *), void *>(fn, arg));
}

void fe_rt_low_memory(fe_rt *rt) { rt->isolate->LowMemoryNotification(); }

// The isolate stays entered while the loop waits: V8's CPU profiler only samples an isolate in
// use on its thread, and the wait is what it reports as (idle).
void fe_rt_set_idle(fe_rt *rt, bool idle) {
  if (idle) {
    rt->isolate->Enter();
    rt->isolate->SetIdle(true);
  } else {
    rt->isolate->SetIdle(false);
    rt->isolate->Exit();
  }
}

void fe_rt_track_heap_objects(fe_rt *rt) { rt->isolate->GetHeapProfiler()->StartTrackingHeapObjects(true); }

void fe_rt_heap_stats(fe_rt *rt, double *total, double *used, double *external) {
  v8::HeapStatistics stats;
  rt->isolate->GetHeapStatistics(&stats);
  *total = static_cast<double>(stats.total_heap_size());
  *used = static_cast<double>(stats.used_heap_size());
  *external = static_cast<double>(stats.external_memory());
}

fe_val fe_rt_exception(fe_rt *rt) {
  if (rt->exception.IsEmpty()) return V(v8::Undefined(rt->isolate));
  Local<Value> e = rt->exception.Get(rt->isolate);
  return V(e);
}

bool fe_rt_exception_location(fe_rt *rt, fe_val *file, int *line, int *column, fe_val *source_line) {
  if (rt->message.IsEmpty()) return false;
  Isolate *isolate = rt->isolate;
  Local<Context> ctx = rt->context.Get(isolate);
  Local<v8::Message> msg = rt->message.Get(isolate);
  if (file) *file = V(msg->GetScriptResourceName());
  if (line) *line = msg->GetLineNumber(ctx).FromMaybe(0);
  if (column) *column = msg->GetStartColumn(ctx).FromMaybe(-1) + 1;
  if (source_line) {
    Local<String> s;
    *source_line = msg->GetSourceLine(ctx).ToLocal(&s) ? V(s) : V(v8::Undefined(isolate));
  }
  return true;
}

int fe_rt_exception_end_column(fe_rt *rt) {
  if (rt->message.IsEmpty()) return -1;
  return rt->message.Get(rt->isolate)->GetEndColumn(rt->context.Get(rt->isolate)).FromMaybe(-1);
}

void fe_rt_throw(fe_rt *rt, fe_val value) { rt->isolate->ThrowException(L(value)); }

// --- scripts and functions ---------------------------------------------------------------

fe_status fe_script_run(fe_rt *rt, const char *source, size_t len, const char *name, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  ScriptOrigin origin = OriginFor(isolate, name, false);
  ScriptCompiler::Source src(SourceStr(rt, source, len), origin);
  Local<v8::Script> script;
  if (!ScriptCompiler::Compile(ctx, &src).ToLocal(&script)) return Caught(rt, tc);
  Local<Value> out;
  if (!script->Run(ctx).ToLocal(&out)) return Caught(rt, tc);
  *result = V(scope.Escape(out));
  return FE_OK;
}

namespace {
fe_status CompileFunctionWith(fe_rt *rt, Local<String> source, const char *name, const char *const *params,
                              size_t param_count, ScriptCompiler::CompileOptions options, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  std::vector<Local<String>> names;
  for (size_t i = 0; i < param_count; i++) names.push_back(String::NewFromUtf8(isolate, params[i]).ToLocalChecked());
  ScriptOrigin origin = OriginFor(isolate, name, false);
  ScriptCompiler::Source src(source, origin);
  Local<Function> fn;
  if (!ScriptCompiler::CompileFunction(ctx, &src, names.size(), names.data(), 0, nullptr, options).ToLocal(&fn)) {
    return Caught(rt, tc);
  }
  *result = V(scope.Escape(fn));
  return FE_OK;
}
}  // namespace

fe_status fe_function_compile(fe_rt *rt, const char *source, size_t len, const char *name,
                              const char *const *params, size_t param_count, fe_val *result) {
  return CompileFunctionWith(rt, SourceStr(rt, source, len), name, params, param_count,
                             ScriptCompiler::kNoCompileOptions, result);
}

fe_status fe_function_compile_eager(fe_rt *rt, const char *source, size_t len, const char *name,
                                    const char *const *params, size_t param_count, fe_val *result) {
  return CompileFunctionWith(rt, SourceStr(rt, source, len), name, params, param_count, ScriptCompiler::kEagerCompile,
                             result);
}

fe_status fe_function_compile_string(fe_rt *rt, fe_val source, const char *name, const char *const *params,
                                     size_t param_count, bool eager, fe_val *result) {
  Local<Value> text = L(source);
  if (!text->IsString()) {
    TryCatch tc(rt->isolate);
    rt->isolate->ThrowException(v8::Exception::TypeError(String::NewFromUtf8Literal(rt->isolate, "not a string")));
    return Caught(rt, tc);
  }
  return CompileFunctionWith(rt, text.As<String>(), name, params, param_count,
                             eager ? ScriptCompiler::kEagerCompile : ScriptCompiler::kNoCompileOptions, result);
}

fe_status fe_function_call(fe_rt *rt, fe_val fn, fe_val receiver, size_t argc, const fe_val *argv,
                           fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  Local<Value> f = L(fn);
  if (!f->IsFunction()) {
    isolate->ThrowException(v8::Exception::TypeError(String::NewFromUtf8Literal(isolate, "not a function")));
    return Caught(rt, tc);
  }
  std::vector<Local<Value>> args(argc);
  for (size_t i = 0; i < argc; i++) args[i] = L(argv[i]);
  Local<Value> recv = receiver ? L(receiver) : v8::Undefined(isolate).As<Value>();
  Local<Value> out;
  if (!f.As<Function>()->Call(ctx, recv, static_cast<int>(argc), args.data()).ToLocal(&out)) return Caught(rt, tc);
  if (result) *result = V(scope.Escape(out));
  return FE_OK;
}

fe_status fe_function_construct(fe_rt *rt, fe_val fn, size_t argc, const fe_val *argv, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  std::vector<Local<Value>> args(argc);
  for (size_t i = 0; i < argc; i++) args[i] = L(argv[i]);
  Local<Object> out;
  if (!L<Function>(fn)->NewInstance(ctx, static_cast<int>(argc), args.data()).ToLocal(&out)) return Caught(rt, tc);
  *result = V(scope.Escape(out));
  return FE_OK;
}

// --- ES modules ----------------------------------------------------------------------------

fe_status fe_module_compile(fe_rt *rt, const char *source, size_t len, const char *name, fe_val *module) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  TryCatch tc(isolate);
  ScriptOrigin origin = OriginFor(isolate, name, true);
  ScriptCompiler::Source src(SourceStr(rt, source, len), origin);
  Local<Module> m;
  if (!ScriptCompiler::CompileModule(isolate, &src).ToLocal(&m)) return Caught(rt, tc);
  *module = V(scope.Escape(m));
  return FE_OK;
}

namespace {
// A synthetic module's exports are read back from its own "values" object; a vm.SyntheticModule
// keeps a function instead, its evaluation steps, which set the exports themselves.
MaybeLocal<Value> EvaluateSynthetic(Local<Context> ctx, Local<Module> module) {
  Isolate *isolate = ctx->GetIsolate();
  fe_rt *rt = RuntimeOf(isolate);
  Local<Object> values;
  for (auto it = rt->synthetic.begin(); it != rt->synthetic.end(); ++it) {
    if (it->first.Get(isolate) == module) {
      values = it->second.Get(isolate);
      rt->synthetic.erase(it);  // a module is evaluated once
      break;
    }
  }
  if (values.IsEmpty()) return MaybeLocal<Value>();
  if (values->IsFunction()) {
    if (values.As<Function>()->Call(ctx, v8::Undefined(isolate), 0, nullptr).IsEmpty()) return MaybeLocal<Value>();
    Local<v8::Promise::Resolver> r = v8::Promise::Resolver::New(ctx).ToLocalChecked();
    (void)r->Resolve(ctx, v8::Undefined(isolate));
    return r->GetPromise();
  }
  Local<Array> keys;
  if (!values->GetOwnPropertyNames(ctx).ToLocal(&keys)) return MaybeLocal<Value>();
  for (uint32_t i = 0; i < keys->Length(); i++) {
    Local<Value> k = keys->Get(ctx, i).ToLocalChecked();
    Local<Value> v = values->Get(ctx, k).ToLocalChecked();
    if (module->SetSyntheticModuleExport(isolate, k.As<String>(), v).IsNothing()) return MaybeLocal<Value>();
  }
  Local<v8::Promise::Resolver> r = v8::Promise::Resolver::New(ctx).ToLocalChecked();
  (void)r->Resolve(ctx, v8::Undefined(isolate));
  return r->GetPromise();
}
}  // namespace

fe_val fe_module_synthetic(fe_rt *rt, const char *name, fe_val names_array, fe_val values_object) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  Local<Array> arr = L<Array>(names_array);
  std::vector<Local<String>> names;
  for (uint32_t i = 0; i < arr->Length(); i++) names.push_back(arr->Get(ctx, i).ToLocalChecked().As<String>());
  Local<Module> m = Module::CreateSyntheticModule(isolate, String::NewFromUtf8(isolate, name).ToLocalChecked(),
                                                  names, EvaluateSynthetic);
  rt->synthetic.emplace_back(Global<Module>(isolate, m), Global<Object>(isolate, L<Object>(values_object)));
  return V(scope.Escape(m));
}

int fe_module_hash(fe_rt *, fe_val module) { return L<Module>(module)->GetIdentityHash(); }

bool fe_module_same(fe_rt *, fe_val a, fe_val b) { return L<Module>(a) == L<Module>(b); }

fe_val fe_module_requests(fe_rt *rt, fe_val module) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  Local<v8::FixedArray> reqs = L<Module>(module)->GetModuleRequests();
  Local<Array> out = Array::New(isolate, reqs->Length());
  for (int i = 0; i < reqs->Length(); i++) {
    Local<v8::ModuleRequest> r = reqs->Get(ctx, i).As<v8::ModuleRequest>();
    (void)out->Set(ctx, i, r->GetSpecifier());
  }
  return V(scope.Escape(out));
}

fe_val fe_module_request_assertions(fe_rt *rt, fe_val module) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  Local<v8::FixedArray> reqs = L<Module>(module)->GetModuleRequests();
  Local<Array> out = Array::New(isolate, reqs->Length());
  for (int i = 0; i < reqs->Length(); i++) {
    Local<v8::ModuleRequest> r = reqs->Get(ctx, i).As<v8::ModuleRequest>();
    (void)out->Set(ctx, i, AssertionsObject(isolate, ctx, r->GetImportAssertions(), 3));
  }
  return V(scope.Escape(out));
}

fe_status fe_module_instantiate(fe_rt *rt, fe_val module) {
  Isolate *isolate = rt->isolate;
  HandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  if (L<Module>(module)->InstantiateModule(ctx, ResolveModule).IsNothing()) return Caught(rt, tc);
  return FE_OK;
}

fe_status fe_module_evaluate(fe_rt *rt, fe_val module, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  Local<Value> out;
  if (!L<Module>(module)->Evaluate(ctx).ToLocal(&out)) return Caught(rt, tc);
  *result = V(scope.Escape(out));
  return FE_OK;
}

fe_module_status fe_module_status_of(fe_rt *, fe_val module) {
  return static_cast<fe_module_status>(L<Module>(module)->GetStatus());
}

fe_val fe_module_namespace(fe_rt *, fe_val module) { return V(L<Module>(module)->GetModuleNamespace()); }

fe_val fe_module_exception(fe_rt *, fe_val module) { return V(L<Module>(module)->GetException()); }

// --- vm modules ----------------------------------------------------------------------------

namespace {
bool VmContextFor(fe_rt *rt, fe_val global, Local<Context> *out);  // vm contexts, below
}  // namespace

fe_status fe_vm_module_compile(fe_rt *rt, const char *source, size_t len, const char *name, int line_offset,
                               int column_offset, int host_id, const uint8_t *cache, size_t cache_len,
                               bool *cache_rejected, fe_val *module) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  TryCatch tc(isolate);
  ScriptOrigin origin(isolate, String::NewFromUtf8(isolate, name).ToLocalChecked(), line_offset, column_offset,
                      false, -1, Local<Value>(), false, false, true, HostOptions(isolate, host_id));
  // The cache's bytes stay the caller's: V8 reads them during the compile only.
  auto *data = cache == nullptr ? nullptr
                                : new ScriptCompiler::CachedData(cache, static_cast<int>(cache_len),
                                                                 ScriptCompiler::CachedData::BufferNotOwned);
  ScriptCompiler::Source src(Str(isolate, source, len), origin, data);
  Local<Module> m;
  if (!ScriptCompiler::CompileModule(isolate, &src,
                                     data ? ScriptCompiler::kConsumeCodeCache : ScriptCompiler::kNoCompileOptions)
           .ToLocal(&m)) {
    return Caught(rt, tc);
  }
  *cache_rejected = data != nullptr && src.GetCachedData()->rejected;
  *module = V(scope.Escape(m));
  return FE_OK;
}

fe_val fe_vm_module_synthetic(fe_rt *rt, const char *name, fe_val names_array, fe_val steps) {
  return fe_module_synthetic(rt, name, names_array, steps);
}

fe_status fe_vm_module_set_export(fe_rt *rt, fe_val module, fe_val name, fe_val value) {
  Isolate *isolate = rt->isolate;
  HandleScope scope(isolate);
  TryCatch tc(isolate);
  if (L<Module>(module)->SetSyntheticModuleExport(isolate, L<String>(name), L(value)).IsNothing()) {
    return Caught(rt, tc);
  }
  return FE_OK;
}

fe_status fe_vm_module_instantiate(fe_rt *rt, fe_val global, fe_val module) {
  Isolate *isolate = rt->isolate;
  HandleScope scope(isolate);
  TryCatch tc(isolate);
  Local<Context> ctx;
  if (!VmContextFor(rt, global, &ctx)) return Caught(rt, tc);
  Context::Scope context_scope(ctx);
  if (L<Module>(module)->InstantiateModule(ctx, ResolveModule).IsNothing()) return Caught(rt, tc);
  return FE_OK;
}

fe_status fe_vm_module_evaluate(fe_rt *rt, fe_val global, fe_val module, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  TryCatch tc(isolate);
  Local<Context> ctx;
  if (!VmContextFor(rt, global, &ctx)) return Caught(rt, tc);
  Context::Scope context_scope(ctx);
  Local<Value> out;
  if (!L<Module>(module)->Evaluate(ctx).ToLocal(&out)) return Caught(rt, tc);
  *result = V(scope.Escape(out));
  return FE_OK;
}

uint8_t *fe_vm_module_code_cache(fe_rt *rt, fe_val module, size_t *out_size) {
  HandleScope scope(rt->isolate);
  Local<Module> m = L<Module>(module);
  if (!m->IsSourceTextModule()) return nullptr;
  std::unique_ptr<ScriptCompiler::CachedData> data(ScriptCompiler::CreateCodeCache(m->GetUnboundModuleScript()));
  if (!data || data->length <= 0) return nullptr;
  auto *out = static_cast<uint8_t *>(malloc(data->length));
  memcpy(out, data->data, data->length);
  *out_size = static_cast<size_t>(data->length);
  return out;
}

// --- values ------------------------------------------------------------------------------

fe_type fe_val_type(fe_rt *, fe_val val) {
  Local<Value> v = L(val);
  if (v->IsUndefined()) return FE_TYPE_UNDEFINED;
  if (v->IsNull()) return FE_TYPE_NULL;
  if (v->IsBoolean()) return FE_TYPE_BOOLEAN;
  if (v->IsNumber()) return FE_TYPE_NUMBER;
  if (v->IsBigInt()) return FE_TYPE_BIGINT;
  if (v->IsString()) return FE_TYPE_STRING;
  if (v->IsSymbol()) return FE_TYPE_SYMBOL;
  if (v->IsFunction()) return FE_TYPE_FUNCTION;
  if (v->IsArray()) return FE_TYPE_ARRAY;
  if (v->IsArrayBufferView() || v->IsArrayBuffer()) return FE_TYPE_BYTES;
  if (v->IsPromise()) return FE_TYPE_PROMISE;
  return FE_TYPE_OBJECT;
}

fe_val fe_undefined(fe_rt *rt) { return V(v8::Undefined(rt->isolate)); }
fe_val fe_null(fe_rt *rt) { return V(v8::Null(rt->isolate)); }
fe_val fe_bool(fe_rt *rt, bool b) { return V(v8::Boolean::New(rt->isolate, b)); }
fe_val fe_number(fe_rt *rt, double d) { return V(v8::Number::New(rt->isolate, d)); }
fe_val fe_string(fe_rt *rt, const char *utf8, size_t len) { return V(Str(rt->isolate, utf8, len)); }
fe_val fe_object_new(fe_rt *rt) { return V(Object::New(rt->isolate)); }
fe_val fe_array_new(fe_rt *rt, size_t len) { return V(Array::New(rt->isolate, static_cast<int>(len))); }

fe_val fe_bytes_new(fe_rt *rt, const void *data, size_t len) {
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(rt->isolate, len);
  if (len > 0) memcpy(store->Data(), data, len);
  Local<v8::ArrayBuffer> buf = v8::ArrayBuffer::New(rt->isolate, std::move(store));
  return V(v8::Uint8Array::New(buf, 0, len));
}

fe_val fe_float64_array_new(fe_rt *rt, const double *values, size_t count) {
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(rt->isolate, count * sizeof(double));
  if (count > 0) memcpy(store->Data(), values, count * sizeof(double));
  Local<v8::ArrayBuffer> buf = v8::ArrayBuffer::New(rt->isolate, std::move(store));
  return V(v8::Float64Array::New(buf, 0, count));
}

fe_val fe_error_new(fe_rt *rt, const char *utf8, size_t len) {
  return V(v8::Exception::Error(Str(rt->isolate, utf8, len)));
}

fe_val fe_type_error_new(fe_rt *rt, const char *utf8, size_t len) {
  return V(v8::Exception::TypeError(Str(rt->isolate, utf8, len)));
}

bool fe_val_bool(fe_rt *rt, fe_val v) { return L(v)->BooleanValue(rt->isolate); }

double fe_val_number(fe_rt *rt, fe_val v) {
  return L(v)->NumberValue(rt->context.Get(rt->isolate)).FromMaybe(std::numeric_limits<double>::quiet_NaN());
}

const char *fe_val_utf8(fe_rt *rt, fe_val v, size_t *len) {
  Isolate *isolate = rt->isolate;
  Local<Value> value = L(v);
  Local<String> s;
  if (value->IsString()) {
    s = value.As<String>();
  } else {
    TryCatch tc(isolate);
    if (!value->ToString(rt->context.Get(isolate)).ToLocal(&s)) s = String::Empty(isolate);
  }
  int n = s->Utf8Length(isolate);
  rt->scratch.resize(static_cast<size_t>(n) + 1);
  s->WriteUtf8(isolate, rt->scratch.data(), n + 1, nullptr, String::REPLACE_INVALID_UTF8);
  *len = static_cast<size_t>(n);
  return rt->scratch.data();
}

void *fe_val_bytes(fe_rt *, fe_val v, size_t *len) {
  Local<Value> value = L(v);
  if (value->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    *len = view->ByteLength();
    auto *base = static_cast<uint8_t *>(view->Buffer()->Data());
    return base == nullptr ? nullptr : base + view->ByteOffset();
  }
  if (value->IsArrayBuffer()) {
    Local<v8::ArrayBuffer> buf = value.As<v8::ArrayBuffer>();
    *len = buf->ByteLength();
    return buf->Data();
  }
  *len = 0;
  return nullptr;
}

bool fe_val_strict_equals(fe_rt *, fe_val a, fe_val b) { return L(a)->StrictEquals(L(b)); }

int fe_object_identity(fe_rt *, fe_val obj) { return L<Object>(obj)->GetIdentityHash(); }

fe_val fe_json_parse(fe_rt *rt, const char *utf8, size_t len) {
  Local<Value> out;
  if (!v8::JSON::Parse(rt->context.Get(rt->isolate), Str(rt->isolate, utf8, len)).ToLocal(&out)) return nullptr;
  return V(out);
}

fe_val fe_json_stringify(fe_rt *rt, fe_val v) {
  Local<String> out;
  if (!v8::JSON::Stringify(rt->context.Get(rt->isolate), L(v)).ToLocal(&out)) return nullptr;
  return V(out);
}

fe_val fe_object_get(fe_rt *rt, fe_val obj, fe_val key) {
  Local<Value> out;
  if (!L<Object>(obj)->Get(rt->context.Get(rt->isolate), L(key)).ToLocal(&out)) return nullptr;
  return V(out);
}

fe_val fe_object_get_named(fe_rt *rt, fe_val obj, const char *key) {
  Local<Value> out;
  Local<String> k = String::NewFromUtf8(rt->isolate, key).ToLocalChecked();
  if (!L<Object>(obj)->Get(rt->context.Get(rt->isolate), k).ToLocal(&out)) return nullptr;
  return V(out);
}

bool fe_object_set(fe_rt *rt, fe_val obj, fe_val key, fe_val value) {
  return L<Object>(obj)->Set(rt->context.Get(rt->isolate), L(key), L(value)).FromMaybe(false);
}

bool fe_object_set_named(fe_rt *rt, fe_val obj, const char *key, fe_val value) {
  Local<String> k = String::NewFromUtf8(rt->isolate, key).ToLocalChecked();
  return L<Object>(obj)->Set(rt->context.Get(rt->isolate), k, L(value)).FromMaybe(false);
}

fe_val fe_object_keys(fe_rt *rt, fe_val obj) {
  Local<Array> out;
  if (!L<Object>(obj)->GetOwnPropertyNames(rt->context.Get(rt->isolate)).ToLocal(&out)) {
    return V(Array::New(rt->isolate, 0));
  }
  return V(out);
}

uint32_t fe_array_length(fe_rt *, fe_val arr) { return L<Array>(arr)->Length(); }

fe_val fe_array_get(fe_rt *rt, fe_val arr, uint32_t i) {
  Local<Value> out;
  if (!L<Array>(arr)->Get(rt->context.Get(rt->isolate), i).ToLocal(&out)) return nullptr;
  return V(out);
}

bool fe_array_set(fe_rt *rt, fe_val arr, uint32_t i, fe_val value) {
  return L<Array>(arr)->Set(rt->context.Get(rt->isolate), i, L(value)).FromMaybe(false);
}

fe_promise_state fe_promise_state_of(fe_rt *, fe_val promise) {
  return static_cast<fe_promise_state>(L<Promise>(promise)->State());
}

fe_val fe_promise_result(fe_rt *, fe_val promise) { return V(L<Promise>(promise)->Result()); }

fe_val fe_promise_resolver_new(fe_rt *rt) {
  return V(Promise::Resolver::New(rt->context.Get(rt->isolate)).ToLocalChecked());
}

fe_val fe_resolver_promise(fe_rt *, fe_val resolver) { return V(L<Promise::Resolver>(resolver)->GetPromise()); }

void fe_resolver_resolve(fe_rt *rt, fe_val resolver, fe_val value) {
  (void)L<Promise::Resolver>(resolver)->Resolve(rt->context.Get(rt->isolate), L(value));
}

void fe_resolver_reject(fe_rt *rt, fe_val resolver, fe_val value) {
  (void)L<Promise::Resolver>(resolver)->Reject(rt->context.Get(rt->isolate), L(value));
}

void fe_promise_mark_handled(fe_rt *, fe_val promise) { L<Promise>(promise)->MarkAsHandled(); }

fe_ref fe_ref_new(fe_rt *rt, fe_val v) {
  return reinterpret_cast<fe_ref>(new Global<v8::Data>(rt->isolate, L<v8::Data>(v)));
}

fe_val fe_ref_get(fe_rt *rt, fe_ref ref) {
  return V(reinterpret_cast<Global<v8::Data> *>(ref)->Get(rt->isolate));
}

void fe_ref_free(fe_ref ref) { delete reinterpret_cast<Global<v8::Data> *>(ref); }

// --- vm contexts -------------------------------------------------------------------------
// The interceptors follow Node's contextify: reads look in the sandbox first, then in the
// context's own global (its builtins); writes and definitions go to the sandbox (and, unless the
// sandbox owns an accessor, to the global too); deletes and enumeration are the sandbox's.

namespace {

constexpr int kSandboxSlot = 1;      // the context's embedder data slot holding its sandbox
constexpr int kWasmSlot = 2;         // false when the context may not compile WebAssembly
constexpr size_t kVmContextIndex = 0;  // the clean vm context in a snapshot (fe_rt_create_snapshot)

// The sandbox of the vm context `receiver` belongs to, or empty while the context is still
// being created (V8 installs the builtins before the sandbox is attached).
Local<Object> SandboxOf(Local<Object> receiver, Local<Context> *context) {
  Local<Context> ctx;
  if (!receiver->GetCreationContext().ToLocal(&ctx)) return {};
  if (ctx->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kSandboxSlot)) return {};
  Local<Value> sandbox = ctx->GetEmbedderData(kSandboxSlot);
  if (!sandbox->IsObject()) return {};
  *context = ctx;
  return sandbox.As<Object>();
}

// The global template of vm contexts: every property access goes through the interceptors.
Local<v8::ObjectTemplate> VmGlobalTemplate(fe_rt *rt) {
  Isolate *isolate = rt->isolate;
  if (rt->vm_global_template.IsEmpty()) {
    Local<v8::ObjectTemplate> t = FunctionTemplate::New(isolate)->InstanceTemplate();
    t->SetHandler(v8::NamedPropertyHandlerConfiguration(VmGet, VmSet, VmDescribe, VmDelete, VmEnumerate, VmDefine));
    t->SetHandler(v8::IndexedPropertyHandlerConfiguration(VmGetIndex, VmSetIndex, VmDescribeIndex, VmDeleteIndex,
                                                          nullptr, VmDefineIndex));
    rt->vm_global_template.Reset(isolate, t);
  }
  return rt->vm_global_template.Get(isolate);
}

Local<Name> IndexName(Isolate *isolate, uint32_t index) {
  return Integer::NewFromUnsigned(isolate, index)->ToString(isolate->GetCurrentContext()).ToLocalChecked();
}

}  // namespace

namespace {

void VmGet(Local<Name> key, const PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox = SandboxOf(info.This(), &ctx);
  if (sandbox.IsEmpty()) return;
  MaybeLocal<Value> found = sandbox->GetRealNamedProperty(ctx, key);
  if (found.IsEmpty()) found = ctx->Global()->GetRealNamedProperty(ctx, key);
  Local<Value> value;
  if (found.ToLocal(&value)) info.GetReturnValue().Set(value == sandbox ? ctx->Global().As<Value>() : value);
}

void VmSet(Local<Name> key, Local<Value> value, const PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox = SandboxOf(info.This(), &ctx);
  if (sandbox.IsEmpty()) return;
  v8::PropertyAttribute on_global_attrs = v8::None, on_sandbox_attrs = v8::None;
  bool on_global = ctx->Global()->GetRealNamedPropertyAttributes(ctx, key).To(&on_global_attrs);
  bool on_sandbox = sandbox->GetRealNamedPropertyAttributes(ctx, key).To(&on_sandbox_attrs);
  if ((on_global_attrs | on_sandbox_attrs) & v8::ReadOnly) return;
  // `x = 5` (a contextual store) reaches the global object, `this.x = 5` the global proxy.
  bool contextual = ctx->Global() != info.This();
  bool declared = on_global || on_sandbox;
  // Strict mode: assigning an undeclared name is a ReferenceError (function declarations aside).
  if (!declared && info.ShouldThrowOnError() && contextual && !value->IsFunction()) return;
  if (!declared && key->IsSymbol()) return;
  if (sandbox->Set(ctx, key, value).IsNothing()) return;
  Local<Value> desc;
  if (on_sandbox && sandbox->GetOwnPropertyDescriptor(ctx, key).ToLocal(&desc) && desc->IsObject()) {
    Local<Object> d = desc.As<Object>();
    if (d->HasOwnProperty(ctx, String::NewFromUtf8Literal(info.GetIsolate(), "get")).FromMaybe(false) ||
        d->HasOwnProperty(ctx, String::NewFromUtf8Literal(info.GetIsolate(), "set")).FromMaybe(false)) {
      info.GetReturnValue().Set(value);
    }
  }
}

void VmDescribe(Local<Name> key, const PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox = SandboxOf(info.This(), &ctx);
  if (sandbox.IsEmpty() || !sandbox->HasOwnProperty(ctx, key).FromMaybe(false)) return;
  Local<Value> desc;
  if (sandbox->GetOwnPropertyDescriptor(ctx, key).ToLocal(&desc)) info.GetReturnValue().Set(desc);
}

void VmDefine(Local<Name> key, const v8::PropertyDescriptor &desc, const PropertyCallbackInfo<Value> &info) {
  Local<Context> ctx;
  Local<Object> sandbox = SandboxOf(info.This(), &ctx);
  if (sandbox.IsEmpty()) return;
  Isolate *isolate = info.GetIsolate();
  v8::PropertyAttribute attrs = v8::None;
  if (ctx->Global()->GetRealNamedPropertyAttributes(ctx, key).To(&attrs) && (attrs & v8::ReadOnly)) return;
  Local<Value> undefined = v8::Undefined(isolate);
  auto define = [&](v8::PropertyDescriptor &copy) {
    if (desc.has_enumerable()) copy.set_enumerable(desc.enumerable());
    if (desc.has_configurable()) copy.set_configurable(desc.configurable());
    (void)sandbox->DefineProperty(ctx, key, copy);
  };
  if (desc.has_get() || desc.has_set()) {
    v8::PropertyDescriptor copy(desc.has_get() ? desc.get() : undefined, desc.has_set() ? desc.set() : undefined);
    define(copy);
  } else if (desc.has_writable()) {
    v8::PropertyDescriptor copy(desc.has_value() ? desc.value() : undefined, desc.writable());
    define(copy);
  } else {
    v8::PropertyDescriptor copy(desc.has_value() ? desc.value() : undefined);
    define(copy);
  }
}

void VmDelete(Local<Name> key, const PropertyCallbackInfo<v8::Boolean> &info) {
  Local<Context> ctx;
  Local<Object> sandbox = SandboxOf(info.This(), &ctx);
  if (sandbox.IsEmpty()) return;
  // A failed delete on the sandbox is not retried on the global.
  if (!sandbox->Delete(ctx, key).FromMaybe(false)) info.GetReturnValue().Set(false);
}

void VmEnumerate(const PropertyCallbackInfo<Array> &info) {
  Local<Context> ctx;
  Local<Object> sandbox = SandboxOf(info.This(), &ctx);
  Local<Array> names;
  if (!sandbox.IsEmpty() && sandbox->GetPropertyNames(ctx).ToLocal(&names)) info.GetReturnValue().Set(names);
}

void VmGetIndex(uint32_t index, const PropertyCallbackInfo<Value> &info) {
  VmGet(IndexName(info.GetIsolate(), index), info);
}
void VmSetIndex(uint32_t index, Local<Value> value, const PropertyCallbackInfo<Value> &info) {
  VmSet(IndexName(info.GetIsolate(), index), value, info);
}
void VmDescribeIndex(uint32_t index, const PropertyCallbackInfo<Value> &info) {
  VmDescribe(IndexName(info.GetIsolate(), index), info);
}
void VmDeleteIndex(uint32_t index, const PropertyCallbackInfo<v8::Boolean> &info) {
  VmDelete(IndexName(info.GetIsolate(), index), info);
}
void VmDefineIndex(uint32_t index, const v8::PropertyDescriptor &desc, const PropertyCallbackInfo<Value> &info) {
  VmDefine(IndexName(info.GetIsolate(), index), desc, info);
}

// The context `global` belongs to; the runtime's own for NULL.
bool ContextFor(fe_rt *rt, fe_val global, Local<Context> *out) {
  *out = rt->context.Get(rt->isolate);
  if (global == nullptr || !L(global)->IsObject()) return global == nullptr;
  return L<Object>(global)->GetCreationContext().ToLocal(out);
}

// ContextFor, or false with a TypeError thrown for the caller's TryCatch.
bool VmContextFor(fe_rt *rt, fe_val global, Local<Context> *out) {
  if (ContextFor(rt, global, out)) return true;
  rt->isolate->ThrowException(
      v8::Exception::TypeError(String::NewFromUtf8Literal(rt->isolate, "not a vm context")));
  return false;
}

}  // namespace

// vm's codeGeneration.wasm (Node's AllowWasmCodeGenerationCallback): allowed unless the context
// says otherwise.
bool AllowWasm(Local<Context> context, Local<String>) {
  if (context->GetNumberOfEmbedderDataFields() <= static_cast<uint32_t>(kWasmSlot)) return true;
  Local<Value> allowed = context->GetEmbedderData(kWasmSlot);
  return allowed->IsUndefined() || allowed->IsTrue();
}

fe_val fe_measure_memory(fe_rt *rt, bool detailed, bool eager) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(ctx).ToLocal(&resolver)) return nullptr;
  auto mode = detailed ? v8::MeasureMemoryMode::kDetailed : v8::MeasureMemoryMode::kSummary;
  isolate->MeasureMemory(v8::MeasureMemoryDelegate::Default(isolate, ctx, resolver, mode),
                         eager ? v8::MeasureMemoryExecution::kEager : v8::MeasureMemoryExecution::kDefault);
  return V(scope.Escape(resolver->GetPromise()));
}

void fe_context_set_code_generation(fe_rt *rt, fe_val global, bool strings, bool wasm) {
  Isolate *isolate = rt->isolate;
  HandleScope scope(isolate);
  Local<Context> ctx;
  if (global == nullptr || !ContextFor(rt, global, &ctx)) return;
  ctx->AllowCodeGenerationFromStrings(strings);
  ctx->SetEmbedderData(kWasmSlot, v8::Boolean::New(isolate, wasm));
  isolate->SetAllowWasmCodeGenerationCallback(AllowWasm);
}

fe_val fe_context_new(fe_rt *rt, fe_val sandbox) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx;
  if (rt->blob.data == nullptr || !Context::FromSnapshot(isolate, kVmContextIndex).ToLocal(&ctx)) {
    ctx = Context::New(isolate, nullptr, VmGlobalTemplate(rt));
  }
  if (ctx.IsEmpty()) return nullptr;
  // The same security token as the runtime's context: objects pass freely between the two.
  ctx->SetSecurityToken(rt->context.Get(isolate)->GetSecurityToken());
  ctx->SetEmbedderData(kSandboxSlot, L(sandbox));
  return V(scope.Escape(ctx->Global()));
}

fe_status fe_context_run(fe_rt *rt, fe_val global, const char *source, size_t len, const char *name,
                         int line_offset, int column_offset, int host_id, bool compile_only, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  TryCatch tc(isolate);
  Local<Context> ctx;
  if (!VmContextFor(rt, global, &ctx)) return Caught(rt, tc);
  Context::Scope context_scope(ctx);
  ScriptOrigin origin(isolate, String::NewFromUtf8(isolate, name).ToLocalChecked(), line_offset, column_offset,
                      false, -1, Local<Value>(), false, false, false, HostOptions(isolate, host_id));
  ScriptCompiler::Source src(Str(isolate, source, len), origin);
  Local<v8::Script> script;
  if (!ScriptCompiler::Compile(ctx, &src).ToLocal(&script)) return Caught(rt, tc);
  Local<Value> out = v8::Undefined(isolate);
  if (!compile_only && !script->Run(ctx).ToLocal(&out)) return Caught(rt, tc);
  *result = V(scope.Escape(out));
  return FE_OK;
}

fe_status fe_context_compile_function(fe_rt *rt, fe_val global, const char *source, size_t len,
                                      const char *name, int line_offset, int column_offset, int host_id,
                                      fe_val params, fe_val extensions, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  TryCatch tc(isolate);
  Local<Context> ctx;
  if (!VmContextFor(rt, global, &ctx)) return Caught(rt, tc);
  Context::Scope context_scope(ctx);
  std::vector<Local<String>> names;
  std::vector<Local<Object>> scopes;
  Local<Array> p = L<Array>(params), e = L<Array>(extensions);
  for (uint32_t i = 0; i < p->Length(); i++) {
    Local<Value> v;
    Local<String> n;
    if (!p->Get(ctx, i).ToLocal(&v) || !v->ToString(ctx).ToLocal(&n)) return Caught(rt, tc);
    names.push_back(n);
  }
  for (uint32_t i = 0; i < e->Length(); i++) {
    Local<Value> v;
    if (!e->Get(ctx, i).ToLocal(&v)) return Caught(rt, tc);
    if (v->IsObject()) scopes.push_back(v.As<Object>());
  }
  ScriptOrigin origin(isolate, String::NewFromUtf8(isolate, name).ToLocalChecked(), line_offset, column_offset,
                      false, -1, Local<Value>(), false, false, false, HostOptions(isolate, host_id));
  ScriptCompiler::Source src(Str(isolate, source, len), origin);
  Local<Function> fn;
  if (!ScriptCompiler::CompileFunction(ctx, &src, names.size(), names.data(), scopes.size(), scopes.data())
           .ToLocal(&fn)) {
    return Caught(rt, tc);
  }
  *result = V(scope.Escape(fn));
  return FE_OK;
}

uint8_t *fe_script_code_cache(fe_rt *rt, const char *source, size_t len, const char *name, size_t *out_size) {
  Isolate *isolate = rt->isolate;
  HandleScope scope(isolate);
  ScriptCompiler::Source src(Str(isolate, source, len), OriginFor(isolate, name, false));
  Local<v8::UnboundScript> script;
  if (!ScriptCompiler::CompileUnboundScript(isolate, &src).ToLocal(&script)) return nullptr;
  std::unique_ptr<ScriptCompiler::CachedData> data(ScriptCompiler::CreateCodeCache(script));
  if (!data || data->length <= 0) return nullptr;
  auto *out = static_cast<uint8_t *>(malloc(data->length));
  memcpy(out, data->data, data->length);
  *out_size = data->length;
  return out;
}

bool fe_val_is(fe_rt *, fe_val val, fe_kind kind) {
  Local<Value> v = L(val);
  switch (kind) {
    case FE_KIND_EXTERNAL: return v->IsExternal();
    case FE_KIND_DATE: return v->IsDate();
    case FE_KIND_ARGUMENTS: return v->IsArgumentsObject();
    case FE_KIND_BIGINT_OBJECT: return v->IsBigIntObject();
    case FE_KIND_BOOLEAN_OBJECT: return v->IsBooleanObject();
    case FE_KIND_NUMBER_OBJECT: return v->IsNumberObject();
    case FE_KIND_STRING_OBJECT: return v->IsStringObject();
    case FE_KIND_SYMBOL_OBJECT: return v->IsSymbolObject();
    case FE_KIND_NATIVE_ERROR: return v->IsNativeError();
    case FE_KIND_REGEXP: return v->IsRegExp();
    case FE_KIND_ASYNC_FUNCTION: return v->IsAsyncFunction();
    case FE_KIND_GENERATOR_FUNCTION: return v->IsGeneratorFunction();
    case FE_KIND_GENERATOR_OBJECT: return v->IsGeneratorObject();
    case FE_KIND_PROMISE: return v->IsPromise();
    case FE_KIND_MAP: return v->IsMap();
    case FE_KIND_SET: return v->IsSet();
    case FE_KIND_MAP_ITERATOR: return v->IsMapIterator();
    case FE_KIND_SET_ITERATOR: return v->IsSetIterator();
    case FE_KIND_WEAK_MAP: return v->IsWeakMap();
    case FE_KIND_WEAK_SET: return v->IsWeakSet();
    case FE_KIND_ARRAY_BUFFER: return v->IsArrayBuffer();
    case FE_KIND_DATA_VIEW: return v->IsDataView();
    case FE_KIND_SHARED_ARRAY_BUFFER: return v->IsSharedArrayBuffer();
    case FE_KIND_PROXY: return v->IsProxy();
    case FE_KIND_MODULE_NAMESPACE: return v->IsModuleNamespaceObject();
    case FE_KIND_ARRAY_BUFFER_VIEW: return v->IsArrayBufferView();
    case FE_KIND_TYPED_ARRAY: return v->IsTypedArray();
    case FE_KIND_UINT8_ARRAY: return v->IsUint8Array();
    case FE_KIND_UINT8_CLAMPED_ARRAY: return v->IsUint8ClampedArray();
    case FE_KIND_UINT16_ARRAY: return v->IsUint16Array();
    case FE_KIND_UINT32_ARRAY: return v->IsUint32Array();
    case FE_KIND_INT8_ARRAY: return v->IsInt8Array();
    case FE_KIND_INT16_ARRAY: return v->IsInt16Array();
    case FE_KIND_INT32_ARRAY: return v->IsInt32Array();
    case FE_KIND_FLOAT32_ARRAY: return v->IsFloat32Array();
    case FE_KIND_FLOAT64_ARRAY: return v->IsFloat64Array();
    case FE_KIND_BIGINT64_ARRAY: return v->IsBigInt64Array();
    case FE_KIND_BIGUINT64_ARRAY: return v->IsBigUint64Array();
  }
  return false;
}

// --- ops -----------------------------------------------------------------------------------

fe_rt *fe_call_rt(fe_call *call) { return call->rt; }
int fe_call_argc(fe_call *call) { return call->info->Length(); }
fe_val fe_call_arg(fe_call *call, int i) { return V((*call->info)[i]); }
void fe_call_return(fe_call *call, fe_val v) { call->info->GetReturnValue().Set(L(v)); }

// --- what the shim's other files need (rt_internal.h) ------------------------------------

namespace fe {

Isolate *IsolateOf(fe_rt *rt) { return rt->isolate; }
Local<Context> ContextOf(fe_rt *rt) { return rt->context.Get(rt->isolate); }

Local<v8::ObjectTemplate> WrapperTemplate(fe_rt *rt, int fields) {
  Global<v8::ObjectTemplate> &slot = rt->wrapper_templates[fields == 1 ? 0 : 1];
  if (slot.IsEmpty()) {
    Local<v8::ObjectTemplate> t = v8::ObjectTemplate::New(rt->isolate);
    t->SetInternalFieldCount(fields);
    slot.Reset(rt->isolate, t);
  }
  return slot.Get(rt->isolate);
}

Inspector *&InspectorSlot(fe_rt *rt) { return rt->inspector; }

}  // namespace fe

// --- threads and the platform --------------------------------------------------------------

void fe_rt_pump_tasks(fe_rt *rt) {
  Isolate *isolate = rt->isolate;
  Isolate::Scope isolate_scope(isolate);
  HandleScope scope(isolate);
  v8::Platform *inner = fe::InnerPlatform(g_platform.get());
  while (v8::platform::PumpMessageLoop(inner, isolate, v8::platform::MessageLoopBehavior::kDoNotWait)) {
  }
}

// --- node:v8 -------------------------------------------------------------------------------

void fe_rt_heap_statistics(fe_rt *rt, double out[FE_HEAP_STAT_COUNT]) {
  v8::HeapStatistics s;
  rt->isolate->GetHeapStatistics(&s);
  const double values[FE_HEAP_STAT_COUNT] = {
      static_cast<double>(s.total_heap_size()),          static_cast<double>(s.total_heap_size_executable()),
      static_cast<double>(s.total_physical_size()),      static_cast<double>(s.total_available_size()),
      static_cast<double>(s.used_heap_size()),           static_cast<double>(s.heap_size_limit()),
      static_cast<double>(s.malloced_memory()),          static_cast<double>(s.peak_malloced_memory()),
      static_cast<double>(s.does_zap_garbage()),         static_cast<double>(s.number_of_native_contexts()),
      static_cast<double>(s.number_of_detached_contexts()), static_cast<double>(s.total_global_handles_size()),
      static_cast<double>(s.used_global_handles_size()), static_cast<double>(s.external_memory()),
  };
  memcpy(out, values, sizeof values);
}

fe_val fe_rt_heap_space_statistics(fe_rt *rt) {
  Isolate *isolate = rt->isolate;
  Local<Context> ctx = rt->context.Get(isolate);
  size_t n = isolate->NumberOfHeapSpaces();
  Local<Array> out = Array::New(isolate, static_cast<int>(n));
  for (size_t i = 0; i < n; i++) {
    v8::HeapSpaceStatistics s;
    isolate->GetHeapSpaceStatistics(&s, i);
    Local<Value> row[] = {
        String::NewFromUtf8(isolate, s.space_name()).ToLocalChecked(),
        v8::Number::New(isolate, static_cast<double>(s.space_size())),
        v8::Number::New(isolate, static_cast<double>(s.space_used_size())),
        v8::Number::New(isolate, static_cast<double>(s.space_available_size())),
        v8::Number::New(isolate, static_cast<double>(s.physical_space_size())),
    };
    (void)out->Set(ctx, static_cast<uint32_t>(i), Array::New(isolate, row, 5));
  }
  return V(out);
}

void fe_rt_heap_code_statistics(fe_rt *rt, double out[4]) {
  v8::HeapCodeStatistics s;
  rt->isolate->GetHeapCodeAndMetadataStatistics(&s);
  out[0] = static_cast<double>(s.code_and_metadata_size());
  out[1] = static_cast<double>(s.bytecode_and_metadata_size());
  out[2] = static_cast<double>(s.external_script_source_size());
  out[3] = static_cast<double>(s.cpu_profiler_metadata_size());
}

uint32_t fe_v8_cached_data_version_tag(void) { return ScriptCompiler::CachedDataVersionTag(); }

void fe_v8_set_flags(const char *flags, size_t len) { v8::V8::SetFlagsFromString(flags, len); }

namespace {
// Collects V8's heap snapshot JSON as it is written.
class SnapshotOutput final : public v8::OutputStream {
 public:
  void EndOfStream() override {}
  WriteResult WriteAsciiChunk(char *data, int size) override {
    text.append(data, static_cast<size_t>(size));
    return kContinue;
  }
  std::string text;
};
}  // namespace

uint8_t *fe_rt_heap_snapshot(fe_rt *rt, size_t *out_size) {
  Isolate *isolate = rt->isolate;
  HandleScope scope(isolate);
  const v8::HeapSnapshot *snap = isolate->GetHeapProfiler()->TakeHeapSnapshot();
  if (snap == nullptr) return nullptr;
  SnapshotOutput out;
  snap->Serialize(&out, v8::HeapSnapshot::kJSON);
  const_cast<v8::HeapSnapshot *>(snap)->Delete();
  auto *buf = static_cast<uint8_t *>(malloc(out.text.size() + 1));
  memcpy(buf, out.text.data(), out.text.size());
  *out_size = out.text.size();
  return buf;
}
