// functions.cc — Node-API functions and classes: native callbacks as JS functions, calling and
// constructing JS functions, napi_define_class, and wrapping native objects in JS objects.
//
// A callback's (env, napi_callback, data) lives in a Bundle that the function's data holds
// through a v8::External; the bundle is freed when the GC collects that External.
#include "napi_env.h"

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

using namespace fe_napi;

namespace {

struct Bundle {
  napi_env env;
  napi_callback cb;
  void *data;
  v8::Global<Value> holder;  // weak: the External the function's data is
};

struct CallbackInfo {
  const FunctionCallbackInfo<Value> *info;
  void *data;
};

void FreeBundle(const v8::WeakCallbackInfo<Bundle> &info) {
  Bundle *b = info.GetParameter();
  b->holder.Reset();
  delete b;
}

// Where a v8::External keeps its pointer, in bytes from the object's start: found once, on the
// first External made, by looking (V8 10.2 without its sandbox: the field after map, properties
// and elements); -1 when it is not there (a build that keeps it behind a table). Invoke then
// reads the bundle inline, as V8's headers read internal fields, instead of calling
// External::Value on every call into the addon.
std::atomic<int> g_external_slot{0};

void ProbeExternalSlot(Local<v8::External> ext, void *expected) {
  using v8::internal::Internals;
  v8::internal::Address obj = *reinterpret_cast<const v8::internal::Address *>(*ext);
  constexpr int kSlot = 3 * v8::internal::kApiTaggedSize;
  bool there = Internals::HasHeapObjectTag(obj) && Internals::ReadRawField<void *>(obj, kSlot) == expected;
  g_external_slot.store(there ? kSlot : -1, std::memory_order_relaxed);
}

inline Bundle *BundleOf(const FunctionCallbackInfo<Value> &info) {
  Local<Value> data = info.Data();
  int slot = g_external_slot.load(std::memory_order_relaxed);
  if (slot > 0) {
    v8::internal::Address obj = *reinterpret_cast<const v8::internal::Address *>(*data);
    return v8::internal::Internals::ReadRawField<Bundle *>(obj, slot);
  }
  return static_cast<Bundle *>(data.As<v8::External>()->Value());
}

Local<v8::External> NewBundle(napi_env env, napi_callback cb, void *data, bool weak) {
  Bundle *b = new Bundle{env, cb, data, {}};
  Local<v8::External> ext = v8::External::New(env->isolate, b);
  if (g_external_slot.load(std::memory_order_relaxed) == 0) ProbeExternalSlot(ext, b);
  // Templates keep their data for the isolate's life: their bundles are never freed.
  if (weak) {
    b->holder.Reset(env->isolate, ext);
    b->holder.SetWeak(b, FreeBundle, v8::WeakCallbackType::kParameter);
  }
  return ext;
}

void Invoke(const FunctionCallbackInfo<Value> &info) {
  Bundle *b = BundleOf(info);
  napi_env env = b->env;
  CallbackInfo ci{&info, b->data};
  napi_value result = nullptr;
  env->js_depth++;
  bool threw = false;
  CallIntoModule(
      env, [&](napi_env e) { result = b->cb(e, reinterpret_cast<napi_callback_info>(&ci)); },
      [&](napi_env e, Local<Value> error) {
        threw = true;
        ThrowIntoJs(e, error);
      });
  env->js_depth--;
  if (env->uv_loop != nullptr) SyncUvLoop(env);
  // With an exception pending the return value is not looked at (it may be garbage).
  if (!threw && result != nullptr) info.GetReturnValue().Set(V8Value(result));
}

enum UnwrapAction { kKeepWrap, kRemoveWrap };

napi_status Unwrap(napi_env env, napi_value js_object, void **result, UnwrapAction action) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, js_object);
  if (action == kKeepWrap) FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Value> v = V8Value(js_object);
  FE_RETURN_IF_FALSE(env, v->IsObject(), napi_invalid_arg);
  Local<Object> obj = v.As<Object>();
  Local<v8::Private> key = env->wrap_key.Get(env->isolate);
  Local<Value> wrapped;
  FE_TO_LOCAL(env, wrapped, obj->GetPrivate(ctx, key), napi_generic_failure);
  FE_RETURN_IF_FALSE(env, wrapped->IsExternal(), napi_invalid_arg);
  Reference *r = static_cast<Reference *>(wrapped.As<v8::External>()->Value());
  if (result != nullptr) *result = r->fin.data;
  if (action == kRemoveWrap) {
    (void)obj->DeletePrivate(ctx, key);
    if (r->delete_self) {
      r->Unlink();
      delete r;
    } else {
      // The addon owns the reference: it stays, without the finalizer.
      r->fin.cb = nullptr;
      r->has_finalizer = false;
    }
  }
  return FE_STATUS(env);
}

}  // namespace

namespace fe_napi {

v8::MaybeLocal<v8::Function> NewFunction(napi_env env, napi_callback cb, void *data, Local<String> name) {
  Local<v8::Function> fn;
  if (!v8::Function::New(env->ctx(), Invoke, NewBundle(env, cb, data, true)).ToLocal(&fn)) return {};
  if (!name.IsEmpty()) fn->SetName(name);
  return fn;
}

Local<v8::FunctionTemplate> NewFunctionTemplate(napi_env env, napi_callback cb, void *data,
                                                 Local<v8::Signature> sig) {
  return v8::FunctionTemplate::New(env->isolate, Invoke, NewBundle(env, cb, data, false), sig);
}

}  // namespace fe_napi

extern "C" {

napi_status napi_create_function(napi_env env, const char *utf8name, size_t length, napi_callback cb, void *data,
                                 napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  FE_CHECK_ARG(env, cb);
  Local<String> name;
  if (utf8name != nullptr) {
    napi_status st = NewString(env, utf8name, length, &name);
    if (st != napi_ok) return st;
  }
  Local<v8::Function> fn;
  FE_TO_LOCAL(env, fn, NewFunction(env, cb, data, name), napi_generic_failure);
  *result = JsValue(fn);
  return FE_STATUS(env);
}

napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo, size_t *argc, napi_value *argv,
                             napi_value *this_arg, void **data) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, cbinfo);
  const CallbackInfo *ci = reinterpret_cast<const CallbackInfo *>(cbinfo);
  // A copy: the stores into argv may not alias it, so the loop reads no field twice.
  const FunctionCallbackInfo<Value> info = *ci->info;
  size_t have = static_cast<size_t>(info.Length());
  if (argv != nullptr) {
    FE_CHECK_ARG(env, argc);
    size_t want = *argc, i = 0;
    for (; i < want && i < have; i++) argv[i] = JsValue(info[static_cast<int>(i)]);
    if (i < want) {
      napi_value undefined = JsValue(v8::Undefined(env->isolate));
      for (; i < want; i++) argv[i] = undefined;
    }
  }
  if (argc != nullptr) *argc = have;
  if (this_arg != nullptr) *this_arg = JsValue(info.This());
  if (data != nullptr) *data = ci->data;
  return ClearLastError(env);
}

napi_status napi_get_new_target(napi_env env, napi_callback_info cbinfo, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, cbinfo);
  FE_CHECK_ARG(env, result);
  const FunctionCallbackInfo<Value> &info = *reinterpret_cast<const CallbackInfo *>(cbinfo)->info;
  *result = info.IsConstructCall() ? JsValue(info.NewTarget()) : nullptr;
  return ClearLastError(env);
}

napi_status napi_call_function(napi_env env, napi_value recv, napi_value func, size_t argc, const napi_value *argv,
                               napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, recv);
  if (argc > 0) FE_CHECK_ARG(env, argv);
  Local<v8::Function> fn;
  FE_TO_FUNCTION(env, fn, func);
  v8::MaybeLocal<Value> out = fn->Call(env->ctx(), V8Value(recv), static_cast<int>(argc),
                                        reinterpret_cast<Local<Value> *>(const_cast<napi_value *>(argv)));
  if (try_catch.HasCaught()) return SetLastError(env, napi_pending_exception);
  if (result != nullptr) {
    Local<Value> v;
    FE_TO_LOCAL(env, v, out, napi_generic_failure);
    *result = JsValue(v);
  }
  return ClearLastError(env);
}

napi_status napi_new_instance(napi_env env, napi_value constructor, size_t argc, const napi_value *argv,
                              napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, constructor);
  if (argc > 0) FE_CHECK_ARG(env, argv);
  FE_CHECK_ARG(env, result);
  Local<v8::Function> ctor;
  FE_TO_FUNCTION(env, ctor, constructor);
  Local<Object> obj;
  FE_TO_LOCAL(env, obj,
              ctor->NewInstance(env->ctx(), static_cast<int>(argc),
                                reinterpret_cast<Local<Value> *>(const_cast<napi_value *>(argv))),
              napi_pending_exception);
  *result = JsValue(obj);
  return FE_STATUS(env);
}

napi_status napi_define_class(napi_env env, const char *utf8name, size_t length, napi_callback constructor,
                              void *data, size_t property_count, const napi_property_descriptor *properties,
                              napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  FE_CHECK_ARG(env, constructor);
  if (property_count > 0) FE_CHECK_ARG(env, properties);
  v8::Isolate *isolate = env->isolate;
  Local<v8::FunctionTemplate> tpl = NewFunctionTemplate(env, constructor, data);
  Local<String> name;
  FE_CHECK_ARG(env, utf8name);
  napi_status st = NewString(env, utf8name, length, &name);
  if (st != napi_ok) return st;
  tpl->SetClassName(name);
  std::vector<napi_property_descriptor> statics;
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor *p = &properties[i];
    if (p->attributes & napi_static) {
      statics.push_back(*p);
      continue;
    }
    Local<v8::Name> key;
    st = DescriptorName(env, p, &key);
    if (st != napi_ok) return st;
    v8::PropertyAttribute attrs = V8Attributes(p);
    if (p->getter != nullptr || p->setter != nullptr) {
      Local<v8::FunctionTemplate> getter, setter;
      if (p->getter != nullptr) getter = NewFunctionTemplate(env, p->getter, p->data);
      if (p->setter != nullptr) setter = NewFunctionTemplate(env, p->setter, p->data);
      tpl->PrototypeTemplate()->SetAccessorProperty(key, getter, setter, attrs);
    } else if (p->method != nullptr) {
      Local<v8::FunctionTemplate> method =
          NewFunctionTemplate(env, p->method, p->data, v8::Signature::New(isolate, tpl));
      tpl->PrototypeTemplate()->Set(key, method, attrs);
    } else {
      tpl->PrototypeTemplate()->Set(key, V8Value(p->value), attrs);
    }
  }
  Local<v8::Function> ctor;
  FE_TO_LOCAL(env, ctor, tpl->GetFunction(env->ctx()), napi_generic_failure);
  *result = JsValue(ctor);
  if (!statics.empty()) {
    st = napi_define_properties(env, *result, statics.size(), statics.data());
    if (st != napi_ok) return st;
  }
  return FE_STATUS(env);
}

napi_status napi_wrap(napi_env env, napi_value js_object, void *native_object, napi_finalize finalize_cb,
                      void *finalize_hint, napi_ref *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, js_object);
  Local<Context> ctx = env->ctx();
  Local<Value> v = V8Value(js_object);
  FE_RETURN_IF_FALSE(env, v->IsObject(), napi_invalid_arg);
  Local<Object> obj = v.As<Object>();
  Local<v8::Private> key = env->wrap_key.Get(env->isolate);
  FE_RETURN_IF_FALSE(env, !obj->HasPrivate(ctx, key).FromMaybe(true), napi_invalid_arg);
  Reference *r;
  if (result != nullptr) {
    // The addon deletes the reference when its finalizer ran, so it must have one.
    FE_CHECK_ARG(env, finalize_cb);
    r = Reference::New(env, obj, 0, false, finalize_cb, native_object, finalize_hint);
    *result = reinterpret_cast<napi_ref>(r);
  } else {
    r = Reference::New(env, obj, 0, true, finalize_cb, native_object, finalize_hint);
  }
  // Kept even without a finalizer: napi_unwrap reads the pointer from it.
  r->fin.data = native_object;
  FE_RETURN_IF_FALSE(env, obj->SetPrivate(ctx, key, v8::External::New(env->isolate, r)).FromMaybe(false),
                     napi_generic_failure);
  return FE_STATUS(env);
}

napi_status napi_unwrap(napi_env env, napi_value obj, void **result) { return Unwrap(env, obj, result, kKeepWrap); }

napi_status napi_remove_wrap(napi_env env, napi_value obj, void **result) {
  return Unwrap(env, obj, result, kRemoveWrap);
}

}  // extern "C"
