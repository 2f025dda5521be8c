// fe_v8.cc — forwarders from the C API in fe_v8.h to V8 10.2 (Debian's libnode108).
// Logic lives in Swift (ops, loader, loop) or in the runtime's JS; this file only translates.
#include "fe_v8.h"

#include <libplatform/libplatform.h>
#include <link.h>
#include <unistd.h>
#include <v8.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
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

// Every native function that can end up in a snapshot. Append only: the order is part of the
// engine id, and a snapshot stores indices into this table.
const intptr_t g_external_refs[] = {reinterpret_cast<intptr_t>(&OpTrampoline), 0};

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
  Global<Object> core;
  Global<Function> reject_handler;
  Global<Value> exception;
  Global<v8::Message> message;
  bool terminated = false;
  std::string scratch;
  void *host = nullptr;
  v8::StartupData blob{nullptr, 0};
};

namespace {

fe_rt *RuntimeOf(Isolate *isolate) { return static_cast<fe_rt *>(isolate->GetData(0)); }

void OpTrampoline(const FunctionCallbackInfo<Value> &info) {
  fe_rt *rt = RuntimeOf(info.GetIsolate());
  fe_call call{&info, rt};
  g_host.op(rt->host, info.Data().As<Integer>()->Value(), &call);
}

void OnFatalError(const char *location, const char *message) {
  fprintf(stderr, "fe: error: the JavaScript engine stopped: %s (%s)\n", message, location);
  fprintf(stderr, "  hint: this is a bug in fe or a corrupt blob; `fe blobs install` rebuilds a blob\n");
  fflush(stderr);
  _exit(70);
}

void OnOOM(const char *location, bool is_heap_oom) {
  fprintf(stderr, "fe: error: JavaScript heap out of memory (%s)\n", location);
  fprintf(stderr, "  hint: the tool needs more memory than V8's heap limit allows\n");
  fflush(stderr);
  _exit(70);
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
  fe_val m = g_host.resolve_module(rt->host, rt, V(specifier), referrer->GetIdentityHash());
  if (m == nullptr) return MaybeLocal<Module>();
  return L<Module>(m);
}

void InitImportMeta(Local<Context> context, Local<Module> module, Local<Object> meta) {
  fe_rt *rt = RuntimeOf(context->GetIsolate());
  g_host.import_meta(rt->host, rt, module->GetIdentityHash(), V(meta));
}

MaybeLocal<Promise> DynamicImport(Local<Context> context, Local<v8::Data>, Local<Value> resource_name,
                                  Local<String> specifier, Local<v8::FixedArray>) {
  fe_rt *rt = RuntimeOf(context->GetIsolate());
  fe_val p = g_host.dynamic_import(rt->host, rt, V(specifier), V(resource_name));
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
}

void AdoptCore(fe_rt *rt, Local<Context> ctx, Local<Object> core) {
  Isolate *isolate = rt->isolate;
  rt->core.Reset(isolate, core);
  Local<Value> handler;
  if (core->Get(ctx, String::NewFromUtf8Literal(isolate, "promiseRejectHandler")).ToLocal(&handler) &&
      handler->IsFunction()) {
    rt->reject_handler.Reset(isolate, handler.As<Function>());
  }
}

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

ScriptOrigin OriginFor(Isolate *isolate, const char *name, bool is_module) {
  Local<String> n = String::NewFromUtf8(isolate, name).ToLocalChecked();
  return ScriptOrigin(isolate, n, 0, 0, false, -1, Local<Value>(), false, false, is_module);
}

Local<String> Str(Isolate *isolate, const char *s, size_t len) {
  return String::NewFromUtf8(isolate, s, v8::NewStringType::kNormal, static_cast<int>(len))
      .FromMaybe(String::Empty(isolate));
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

void fe_v8_init(const char *flags, const fe_host_callbacks *callbacks) {
  if (g_platform) return;
  g_host = *callbacks;
  if (flags != nullptr && *flags != '\0') v8::V8::SetFlagsFromString(flags);
  // One worker thread is enough for a CLI (GC and compile tasks); fewer threads start faster.
  g_platform = v8::platform::NewDefaultPlatform(1);
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

fe_rt *fe_rt_new(const void *snapshot, size_t snapshot_size, bool for_snapshot, void *host) {
  auto *rt = new fe_rt();
  rt->host = host;
  if (for_snapshot) {
    rt->creator = new v8::SnapshotCreator(g_external_refs);
    rt->isolate = rt->creator->GetIsolate();
  } else {
    rt->params.array_buffer_allocator = v8::ArrayBuffer::Allocator::NewDefaultAllocator();
    rt->params.external_references = g_external_refs;
    if (snapshot != nullptr) {
      rt->blob = {static_cast<const char *>(snapshot), static_cast<int>(snapshot_size)};
      rt->params.snapshot_blob = &rt->blob;
    }
    rt->isolate = Isolate::New(rt->params);
  }
  ConfigureIsolate(rt);
  Isolate::Scope isolate_scope(rt->isolate);
  HandleScope scope(rt->isolate);
  Local<Context> ctx = Context::New(rt->isolate);
  rt->context.Reset(rt->isolate, ctx);
  if (snapshot != nullptr && !for_snapshot) {
    Local<Object> core;
    if (ctx->GetDataFromSnapshotOnce<Object>(0).ToLocal(&core)) AdoptCore(rt, ctx, core);
  }
  return rt;
}

void fe_rt_dispose(fe_rt *rt) {
  if (rt == nullptr) return;
  rt->core.Reset();
  rt->reject_handler.Reset();
  rt->exception.Reset();
  rt->message.Reset();
  rt->context.Reset();
  if (rt->creator != nullptr) {
    delete rt->creator;  // owns and disposes the isolate
  } else {
    rt->isolate->Dispose();
    delete rt->params.array_buffer_allocator;
  }
  delete rt;
}

fe_status fe_rt_bootstrap(fe_rt *rt, const char *source, size_t len, const char *name,
                          const char *const *op_names, size_t op_count) {
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
  ScriptCompiler::Source src(Str(isolate, source, len), origin);
  Local<String> params[] = {String::NewFromUtf8Literal(isolate, "ops")};
  Local<Function> fn;
  if (!ScriptCompiler::CompileFunction(ctx, &src, 1, params, 0, nullptr).ToLocal(&fn)) return Caught(rt, tc);
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
    rt->creator->SetDefaultContext(ctx);
  }
  // Global handles cannot be serialised: drop every one the runtime holds.
  rt->core.Reset();
  rt->reject_handler.Reset();
  rt->exception.Reset();
  rt->message.Reset();
  rt->context.Reset();
  v8::StartupData data = rt->creator->CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  if (data.data == nullptr || data.raw_size <= 0) return nullptr;
  auto *out = static_cast<uint8_t *>(malloc(data.raw_size));
  memcpy(out, data.data, data.raw_size);
  *out_size = data.raw_size;
  delete[] data.data;
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

void fe_rt_terminate(fe_rt *rt) { rt->isolate->TerminateExecution(); }

void fe_rt_cancel_terminate(fe_rt *rt) {
  rt->isolate->CancelTerminateExecution();
  rt->terminated = false;
}

bool fe_rt_is_terminating(fe_rt *rt) { return rt->terminated || rt->isolate->IsExecutionTerminating(); }

void fe_rt_request_interrupt(fe_rt *rt, void (*fn)(void *), void *arg) {
  rt->isolate->RequestInterrupt([](Isolate *, void *data) {
    auto pair = static_cast<std::pair<void (*)(void *), void *> *>(data);
    pair->first(pair->second);
    delete pair;
  }, new std::pair<void (*)(void *), void *>(fn, arg));
}

void fe_rt_low_memory(fe_rt *rt) { rt->isolate->LowMemoryNotification(); }

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

void fe_rt_throw(fe_rt *rt, fe_val value) { rt->isolate->ThrowException(L(value)); }

// --- scripts and functions ---------------------------------------------------------------

fe_status fe_script_run(fe_rt *rt, const char *source, size_t len, const char *name, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  ScriptOrigin origin = OriginFor(isolate, name, false);
  ScriptCompiler::Source src(Str(isolate, source, len), origin);
  Local<v8::Script> script;
  if (!ScriptCompiler::Compile(ctx, &src).ToLocal(&script)) return Caught(rt, tc);
  Local<Value> out;
  if (!script->Run(ctx).ToLocal(&out)) return Caught(rt, tc);
  *result = V(scope.Escape(out));
  return FE_OK;
}

fe_status fe_function_compile(fe_rt *rt, const char *source, size_t len, const char *name,
                              const char *const *params, size_t param_count, fe_val *result) {
  Isolate *isolate = rt->isolate;
  EscapableHandleScope scope(isolate);
  Local<Context> ctx = rt->context.Get(isolate);
  TryCatch tc(isolate);
  std::vector<Local<String>> names;
  for (size_t i = 0; i < param_count; i++) names.push_back(String::NewFromUtf8(isolate, params[i]).ToLocalChecked());
  ScriptOrigin origin = OriginFor(isolate, name, false);
  ScriptCompiler::Source src(Str(isolate, source, len), origin);
  Local<Function> fn;
  if (!ScriptCompiler::CompileFunction(ctx, &src, names.size(), names.data(), 0, nullptr).ToLocal(&fn)) {
    return Caught(rt, tc);
  }
  *result = V(scope.Escape(fn));
  return FE_OK;
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
  ScriptCompiler::Source src(Str(isolate, source, len), origin);
  Local<Module> m;
  if (!ScriptCompiler::CompileModule(isolate, &src).ToLocal(&m)) return Caught(rt, tc);
  *module = V(scope.Escape(m));
  return FE_OK;
}

namespace {
// Synthetic module exports are read back from the module's own "values" object, kept by hash.
MaybeLocal<Value> EvaluateSynthetic(Local<Context> ctx, Local<Module> module) {
  Isolate *isolate = ctx->GetIsolate();
  fe_rt *rt = RuntimeOf(isolate);
  Local<Object> core = rt->core.Get(isolate);
  Local<Value> table;
  if (!core->Get(ctx, String::NewFromUtf8Literal(isolate, "syntheticExports")).ToLocal(&table) ||
      !table->IsMap()) {
    return MaybeLocal<Value>();
  }
  Local<Value> values;
  if (!table.As<v8::Map>()->Get(ctx, Integer::New(isolate, module->GetIdentityHash())).ToLocal(&values) ||
      !values->IsObject()) {
    return MaybeLocal<Value>();
  }
  Local<Array> keys;
  if (!values.As<Object>()->GetOwnPropertyNames(ctx).ToLocal(&keys)) return MaybeLocal<Value>();
  for (uint32_t i = 0; i < keys->Length(); i++) {
    Local<Value> k = keys->Get(ctx, i).ToLocalChecked();
    Local<Value> v = values.As<Object>()->Get(ctx, k).ToLocalChecked();
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
  // core.syntheticExports: Map<hash, values>, read by EvaluateSynthetic.
  Local<Object> core = rt->core.Get(isolate);
  Local<Value> table;
  if (core->Get(ctx, String::NewFromUtf8Literal(isolate, "syntheticExports")).ToLocal(&table) && table->IsMap()) {
    (void)table.As<v8::Map>()->Set(ctx, Integer::New(isolate, m->GetIdentityHash()), L(values_object));
  }
  return V(scope.Escape(m));
}

int fe_module_hash(fe_rt *, fe_val module) { return L<Module>(module)->GetIdentityHash(); }

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

// --- ops -----------------------------------------------------------------------------------

fe_rt *fe_call_rt(fe_call *call) { return call->rt; }
int fe_call_argc(fe_call *call) { return call->info->Length(); }
fe_val fe_call_arg(fe_call *call, int i) { return V((*call->info)[i]); }
void fe_call_return(fe_call *call, fe_val v) { call->info->GetReturnValue().Set(L(v)); }
