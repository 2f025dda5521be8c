// lifetime.cc — Node-API references, handle scopes, finalizers, externals, instance data and
// type tags: everything about how long a value or a native pointer lives.
//
// Finalizers never run inside the GC: a weak callback only resets the handle and queues the
// finalizer, which the loop runs as its own macrotask (Node's SetImmediate drain), so a finalizer
// may call into JavaScript.
#include "napi_env.h"

using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Value;

namespace fe_napi {

namespace {

void WeakCallback(const v8::WeakCallbackInfo<Reference> &info) {
  Reference *r = info.GetParameter();
  r->handle.Reset();
  if (r->has_finalizer) {
    napi_env env = r->env;
    if (env->module_api_version == NAPI_VERSION_EXPERIMENTAL) {
      // Node's "pure" finalizers: run inside the GC, so native memory goes at once; any call
      // that may touch the JS heap is fatal (node_api_post_finalizer defers such work).
      bool saved = env->in_gc;
      env->in_gc = true;
      r->Finalize(false);
      env->in_gc = saved;
      return;
    }
    r->Finalize(true);
  } else if (r->delete_self) {
    r->Unlink();
    delete r;
  }
}

void DrainFinalizers(void *arg) {
  napi_env env = static_cast<napi_env>(arg);
  env->drain_posted = false;
  while (!env->pending_finalizers.empty()) {
    std::vector<Finalizer> batch;
    batch.swap(env->pending_finalizers);
    for (Finalizer &f : batch) CallFinalizer(env, f.cb, f.data, f.hint);
  }
  EnvUnref(env);
}

struct HandleScopeBox {
  explicit HandleScopeBox(Isolate *isolate) : scope(isolate) {}
  HandleScope scope;
};
struct EscapableScopeBox {
  explicit EscapableScopeBox(Isolate *isolate) : scope(isolate) {}
  v8::EscapableHandleScope scope;
  bool escaped = false;
};

}  // namespace

void GcAccessFatal() {
  fflush(stdout);
  fprintf(stderr,
          "FATAL ERROR: Finalizer is calling a function that may affect GC state.\n"
          "A finalizer cannot call any napi_* function that may affect GC state outside of "
          "node_api_post_finalizer.\n");
  fflush(stderr);
  abort();
}

void Uncaught(napi_env env, Local<Value> e, bool enforced) {
  if (env->tearing_down || env->on_uncaught.IsEmpty() || env->isolate->IsExecutionTerminating()) return;
  v8::TryCatch tc(env->isolate);
  Local<Value> argv[] = {e, v8::Boolean::New(env->isolate, enforced)};
  (void)env->on_uncaught.Get(env->isolate)->Call(env->ctx(), v8::Undefined(env->isolate), 2, argv);
  // The route prints and exits by itself when nothing handles the error; a throw out of it
  // has nowhere further to go.
}

void CallFinalizer(napi_env env, napi_finalize cb, void *data, void *hint, bool enforced) {
  if (cb == nullptr) return;
  if (enforced) CallIntoModule(env, [&](napi_env e) { cb(e, data, hint); }, UncaughtEnforced);
  else CallIntoModule(env, [&](napi_env e) { cb(e, data, hint); }, UncaughtByPolicy);
}

void EnqueueFinalizer(napi_env env, Finalizer f) {
  if (f.cb == nullptr) return;
  env->pending_finalizers.push_back(f);
  if (!env->drain_posted && !env->tearing_down) {
    env->drain_posted = true;
    EnvRef(env);
    Post(env, DrainFinalizers, env, false);
  }
}

Reference *Reference::New(napi_env env, Local<Value> value, uint32_t count, bool delete_self, napi_finalize cb,
                          void *data, void *hint) {
  Reference *r = new Reference{env, Global<Value>(env->isolate, value), count, value->IsObject() || value->IsSymbol(), cb != nullptr,
                               delete_self};
  r->fin = Finalizer{cb, data, hint};
  r->list = cb != nullptr ? &env->finalizing : &env->plain;
  r->next = *r->list;
  if (r->next != nullptr) r->next->prev = r;
  *r->list = r;
  r->SetWeakIfZero();
  return r;
}

void Reference::Unlink() {
  if (list == nullptr) return;
  if (prev != nullptr) prev->next = next;
  else *list = next;
  if (next != nullptr) next->prev = prev;
  prev = next = nullptr;
  list = nullptr;
}

void Reference::SetWeakIfZero() {
  if (count != 0 || handle.IsEmpty()) return;
  if (can_be_weak) {
    handle.SetWeak(this, WeakCallback, v8::WeakCallbackType::kParameter);
  } else {
    handle.Reset();  // a primitive cannot be held weakly: it is gone at zero
  }
}

uint32_t Reference::Ref() {
  if (handle.IsEmpty()) return 0;  // collected: a weak reference cannot come back
  if (++count == 1 && can_be_weak) handle.ClearWeak();
  return count;
}

uint32_t Reference::Unref() {
  if (handle.IsEmpty() || count == 0) return 0;
  if (--count == 0) SetWeakIfZero();
  return count;
}

Local<Value> Reference::Get() {
  if (handle.IsEmpty()) return Local<Value>();
  return handle.Get(env->isolate);
}

void Reference::Finalize(bool queue) {
  if (finalized) return;
  finalized = true;
  handle.Reset();
  Unlink();
  Finalizer f = fin;
  fin = Finalizer{};
  bool free_now = delete_self;
  if (queue) EnqueueFinalizer(env, f);
  else CallFinalizer(env, f.cb, f.data, f.hint);
  if (free_now) delete this;
}

void Reference::Delete(Reference *r) {
  if (r->has_finalizer && !r->finalized && r->count == 0 && !r->handle.IsEmpty()) {
    // Its finalizer still owes a call when the value goes: it frees itself then.
    r->delete_self = true;
    return;
  }
  r->Unlink();
  delete r;
}

}  // namespace fe_napi

using namespace fe_napi;

extern "C" {

napi_status napi_create_reference(napi_env env, napi_value value, uint32_t initial_refcount, napi_ref *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  if (env->module_api_version <= 8 && !(v->IsObject() || v->IsSymbol())) {
    return SetLastError(env, napi_invalid_arg);
  }
  *result = reinterpret_cast<napi_ref>(Reference::New(env, v, initial_refcount, false));
  return ClearLastError(env);
}

napi_status napi_delete_reference(napi_env env, napi_ref ref) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, ref);
  Reference::Delete(reinterpret_cast<Reference *>(ref));
  return ClearLastError(env);
}

napi_status napi_reference_ref(napi_env env, napi_ref ref, uint32_t *result) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, ref);
  uint32_t n = reinterpret_cast<Reference *>(ref)->Ref();
  if (result != nullptr) *result = n;
  return ClearLastError(env);
}

napi_status napi_reference_unref(napi_env env, napi_ref ref, uint32_t *result) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, ref);
  Reference *r = reinterpret_cast<Reference *>(ref);
  if (r->count == 0) return SetLastError(env, napi_generic_failure);
  uint32_t n = r->Unref();
  if (result != nullptr) *result = n;
  return ClearLastError(env);
}

napi_status napi_get_reference_value(napi_env env, napi_ref ref, napi_value *result) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, ref);
  FE_CHECK_ARG(env, result);
  Local<Value> v = reinterpret_cast<Reference *>(ref)->Get();
  *result = v.IsEmpty() ? nullptr : JsValue(v);
  return ClearLastError(env);
}

napi_status napi_open_handle_scope(napi_env env, napi_handle_scope *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_handle_scope>(new HandleScopeBox(env->isolate));
  env->open_handle_scopes++;
  return ClearLastError(env);
}

napi_status napi_close_handle_scope(napi_env env, napi_handle_scope scope) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, scope);
  if (env->open_handle_scopes == 0) return napi_handle_scope_mismatch;
  env->open_handle_scopes--;
  delete reinterpret_cast<HandleScopeBox *>(scope);
  return ClearLastError(env);
}

napi_status napi_open_escapable_handle_scope(napi_env env, napi_escapable_handle_scope *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_escapable_handle_scope>(new EscapableScopeBox(env->isolate));
  env->open_handle_scopes++;
  return ClearLastError(env);
}

napi_status napi_close_escapable_handle_scope(napi_env env, napi_escapable_handle_scope scope) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, scope);
  if (env->open_handle_scopes == 0) return napi_handle_scope_mismatch;
  env->open_handle_scopes--;
  delete reinterpret_cast<EscapableScopeBox *>(scope);
  return ClearLastError(env);
}

napi_status napi_escape_handle(napi_env env, napi_escapable_handle_scope scope, napi_value escapee,
                               napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, scope);
  FE_CHECK_ARG(env, escapee);
  FE_CHECK_ARG(env, result);
  EscapableScopeBox *box = reinterpret_cast<EscapableScopeBox *>(scope);
  if (box->escaped) return SetLastError(env, napi_escape_called_twice);
  box->escaped = true;
  *result = JsValue(box->scope.Escape(V8Value(escapee)));
  return ClearLastError(env);
}

napi_status napi_create_external(napi_env env, void *data, napi_finalize finalize_cb, void *finalize_hint,
                                 napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  Local<Value> v = v8::External::New(env->isolate, data);
  if (finalize_cb != nullptr) Reference::New(env, v, 0, true, finalize_cb, data, finalize_hint);
  *result = JsValue(v);
  return ClearLastError(env);
}

napi_status napi_get_value_external(napi_env env, napi_value value, void **result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsExternal(), napi_invalid_arg);
  *result = v.As<v8::External>()->Value();
  return ClearLastError(env);
}

napi_status napi_add_finalizer(napi_env env, napi_value js_object, void *finalize_data, napi_finalize finalize_cb,
                               void *finalize_hint, napi_ref *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, js_object);
  FE_CHECK_ARG(env, finalize_cb);
  Local<Value> v = V8Value(js_object);
  FE_RETURN_IF_FALSE(env, v->IsObject(), napi_object_expected);
  Reference *r = Reference::New(env, v, 0, result == nullptr, finalize_cb, finalize_data, finalize_hint);
  if (result != nullptr) *result = reinterpret_cast<napi_ref>(r);
  return ClearLastError(env);
}

napi_status node_api_post_finalizer(napi_env env, napi_finalize finalize_cb, void *finalize_data,
                                    void *finalize_hint) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, finalize_cb);
  EnqueueFinalizer(env, Finalizer{finalize_cb, finalize_data, finalize_hint});
  return ClearLastError(env);
}

napi_status napi_set_instance_data(napi_env env, void *data, napi_finalize finalize_cb, void *finalize_hint) {
  FE_CHECK_ENV_NOGC(env);
  env->instance_data = data;
  env->instance_finalize = finalize_cb;
  env->instance_hint = finalize_hint;
  return ClearLastError(env);
}

napi_status napi_get_instance_data(napi_env env, void **data) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, data);
  *data = env->instance_data;
  return ClearLastError(env);
}

napi_status napi_type_tag_object(napi_env env, napi_value object, const napi_type_tag *type_tag) {
  FE_PREAMBLE(env);
  Local<v8::Context> ctx = env->ctx();
  Local<v8::Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  FE_CHECK_ARG(env, type_tag);
  Local<v8::Private> key = env->tag_key.Get(env->isolate);
  v8::Maybe<bool> has = obj->HasPrivate(ctx, key);
  FE_MAYBE(env, has, napi_generic_failure);
  FE_RETURN_IF_FALSE(env, !has.FromJust(), napi_invalid_arg);
  Local<v8::BigInt> tag;
  FE_TO_LOCAL(env, tag, v8::BigInt::NewFromWords(ctx, 0, 2, reinterpret_cast<const uint64_t *>(type_tag)),
              napi_generic_failure);
  v8::Maybe<bool> set = obj->SetPrivate(ctx, key, tag);
  FE_MAYBE(env, set, napi_generic_failure);
  return FE_STATUS(env);
}

napi_status napi_check_object_type_tag(napi_env env, napi_value object, const napi_type_tag *type_tag,
                                       bool *result) {
  FE_PREAMBLE(env);
  Local<v8::Context> ctx = env->ctx();
  Local<v8::Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  FE_CHECK_ARG(env, type_tag);
  FE_CHECK_ARG(env, result);
  Local<Value> tag;
  FE_TO_LOCAL(env, tag, obj->GetPrivate(ctx, env->tag_key.Get(env->isolate)), napi_generic_failure);
  *result = false;
  if (tag->IsBigInt()) {
    int sign;
    int count = 2;
    uint64_t words[2] = {0, 0};
    tag.As<v8::BigInt>()->ToWordsArray(&sign, &count, words);
    if (count == 2) {
      *result = words[0] == type_tag->lower && words[1] == type_tag->upper;
    } else if (count == 1) {
      *result = words[0] == type_tag->lower && type_tag->upper == 0;
    } else {
      *result = type_tag->lower == 0 && type_tag->upper == 0;
    }
  }
  return FE_STATUS(env);
}

napi_status napi_adjust_external_memory(napi_env env, int64_t change_in_bytes, int64_t *adjusted_value) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, adjusted_value);
  *adjusted_value = env->isolate->AdjustAmountOfExternalAllocatedMemory(change_in_bytes);
  return ClearLastError(env);
}

}  // extern "C"
