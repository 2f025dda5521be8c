// objects.cc — Node-API objects, arrays and properties: get/set/has/delete by key, name or index,
// property names, napi_define_properties, freeze/seal and prototypes.
#include "napi_env.h"

using v8::Context;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace fe_napi {

napi_status DescriptorName(napi_env env, const napi_property_descriptor *p, Local<v8::Name> *out) {
  if (p->utf8name != nullptr) {
    Local<String> s;
    napi_status st = NewString(env, p->utf8name, NAPI_AUTO_LENGTH, &s);
    if (st != napi_ok) return st;
    *out = s;
    return napi_ok;
  }
  if (p->name == nullptr) return SetLastError(env, napi_name_expected);
  Local<Value> n = V8Value(p->name);
  if (!n->IsName()) return SetLastError(env, napi_name_expected);
  *out = n.As<v8::Name>();
  return napi_ok;
}

v8::PropertyAttribute V8Attributes(const napi_property_descriptor *p) {
  unsigned a = v8::None;
  // An accessor's writability comes from having a setter, not from the attribute.
  if ((p->attributes & napi_writable) == 0 && p->getter == nullptr && p->setter == nullptr) a |= v8::ReadOnly;
  if ((p->attributes & napi_enumerable) == 0) a |= v8::DontEnum;
  if ((p->attributes & napi_configurable) == 0) a |= v8::DontDelete;
  return static_cast<v8::PropertyAttribute>(a);
}

}  // namespace fe_napi

using namespace fe_napi;

namespace {

// Object, key, then the call: each of the by-key property functions.
#define FE_OBJECT_PREAMBLE(env, object, obj, ctx) \
  FE_PREAMBLE(env);                              \
  Local<Context> ctx = (env)->ctx();             \
  Local<Object> obj;                             \
  FE_TO_OBJECT(env, ctx, obj, object)

}  // namespace

extern "C" {

napi_status napi_create_object(napi_env env, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(Object::New(env->isolate));
  return ClearLastError(env);
}

napi_status napi_create_array(napi_env env, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Array::New(env->isolate));
  return ClearLastError(env);
}

napi_status napi_create_array_with_length(napi_env env, size_t length, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Array::New(env->isolate, static_cast<int>(length)));
  return ClearLastError(env);
}

napi_status napi_is_array(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = V8Value(value)->IsArray();
  return ClearLastError(env);
}

napi_status napi_get_array_length(napi_env env, napi_value value, uint32_t *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsArray(), napi_array_expected);
  *result = v.As<v8::Array>()->Length();
  return FE_STATUS(env);
}

napi_status napi_get_prototype(napi_env env, napi_value object, napi_value *result) {
  FE_OBJECT_PREAMBLE(env, object, obj, ctx);
  FE_CHECK_ARG(env, result);
  *result = JsValue(obj->GetPrototype());
  return FE_STATUS(env);
}

napi_status napi_set_property(napi_env env, napi_value object, napi_value key, napi_value value) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, key);
  FE_CHECK_ARG(env, value);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> set = obj->Set(ctx, V8Value(key), V8Value(value));
  FE_RETURN_IF_FALSE(env, set.FromMaybe(false), napi_generic_failure);
  return FE_STATUS(env);
}

napi_status napi_has_property(napi_env env, napi_value object, napi_value key, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  FE_CHECK_ARG(env, key);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> has = obj->Has(ctx, V8Value(key));
  FE_MAYBE(env, has, napi_generic_failure);
  *result = has.FromJust();
  return FE_STATUS(env);
}

napi_status napi_get_property(napi_env env, napi_value object, napi_value key, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, key);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  Local<Value> v;
  FE_TO_LOCAL(env, v, obj->Get(ctx, V8Value(key)), napi_generic_failure);
  *result = JsValue(v);
  return FE_STATUS(env);
}

napi_status napi_delete_property(napi_env env, napi_value object, napi_value key, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, key);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> deleted = obj->Delete(ctx, V8Value(key));
  FE_MAYBE(env, deleted, napi_generic_failure);
  if (result != nullptr) *result = deleted.FromJust();
  return FE_STATUS(env);
}

napi_status napi_has_own_property(napi_env env, napi_value object, napi_value key, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, key);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  Local<Value> k = V8Value(key);
  FE_RETURN_IF_FALSE(env, k->IsName(), napi_name_expected);
  v8::Maybe<bool> has = obj->HasOwnProperty(ctx, k.As<v8::Name>());
  FE_MAYBE(env, has, napi_generic_failure);
  *result = has.FromJust();
  return FE_STATUS(env);
}

napi_status napi_set_named_property(napi_env env, napi_value object, const char *utf8name, napi_value value) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, value);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  FE_CHECK_ARG(env, utf8name);
  Local<String> key;
  napi_status st = NewString(env, utf8name, NAPI_AUTO_LENGTH, &key);
  if (st != napi_ok) return st;
  v8::Maybe<bool> set = obj->Set(ctx, key, V8Value(value));
  FE_RETURN_IF_FALSE(env, set.FromMaybe(false), napi_generic_failure);
  return FE_STATUS(env);
}

napi_status napi_has_named_property(napi_env env, napi_value object, const char *utf8name, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  FE_CHECK_ARG(env, utf8name);
  Local<String> key;
  napi_status st = NewString(env, utf8name, NAPI_AUTO_LENGTH, &key);
  if (st != napi_ok) return st;
  v8::Maybe<bool> has = obj->Has(ctx, key);
  FE_MAYBE(env, has, napi_generic_failure);
  *result = has.FromJust();
  return FE_STATUS(env);
}

napi_status napi_get_named_property(napi_env env, napi_value object, const char *utf8name, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  FE_CHECK_ARG(env, utf8name);
  Local<String> key;
  napi_status st = NewString(env, utf8name, NAPI_AUTO_LENGTH, &key);
  if (st != napi_ok) return st;
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  Local<Value> v;
  FE_TO_LOCAL(env, v, obj->Get(ctx, key), napi_generic_failure);
  *result = JsValue(v);
  return FE_STATUS(env);
}

napi_status napi_set_element(napi_env env, napi_value object, uint32_t index, napi_value value) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, value);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> set = obj->Set(ctx, index, V8Value(value));
  FE_RETURN_IF_FALSE(env, set.FromMaybe(false), napi_generic_failure);
  return FE_STATUS(env);
}

napi_status napi_has_element(napi_env env, napi_value object, uint32_t index, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> has = obj->Has(ctx, index);
  FE_MAYBE(env, has, napi_generic_failure);
  *result = has.FromJust();
  return FE_STATUS(env);
}

napi_status napi_get_element(napi_env env, napi_value object, uint32_t index, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  Local<Value> v;
  FE_TO_LOCAL(env, v, obj->Get(ctx, index), napi_generic_failure);
  *result = JsValue(v);
  return FE_STATUS(env);
}

napi_status napi_delete_element(napi_env env, napi_value object, uint32_t index, bool *result) {
  FE_PREAMBLE(env);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> deleted = obj->Delete(ctx, index);
  FE_MAYBE(env, deleted, napi_generic_failure);
  if (result != nullptr) *result = deleted.FromJust();
  return FE_STATUS(env);
}

napi_status napi_get_all_property_names(napi_env env, napi_value object, napi_key_collection_mode key_mode,
                                        napi_key_filter key_filter, napi_key_conversion key_conversion,
                                        napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  unsigned filter = v8::ALL_PROPERTIES;
  if (key_filter & napi_key_writable) filter |= v8::ONLY_WRITABLE;
  if (key_filter & napi_key_enumerable) filter |= v8::ONLY_ENUMERABLE;
  if (key_filter & napi_key_configurable) filter |= v8::ONLY_CONFIGURABLE;
  if (key_filter & napi_key_skip_strings) filter |= v8::SKIP_STRINGS;
  if (key_filter & napi_key_skip_symbols) filter |= v8::SKIP_SYMBOLS;
  v8::KeyCollectionMode mode;
  switch (key_mode) {
    case napi_key_include_prototypes: mode = v8::KeyCollectionMode::kIncludePrototypes; break;
    case napi_key_own_only: mode = v8::KeyCollectionMode::kOwnOnly; break;
    default: return SetLastError(env, napi_invalid_arg);
  }
  v8::KeyConversionMode conversion;
  switch (key_conversion) {
    case napi_key_keep_numbers: conversion = v8::KeyConversionMode::kKeepNumbers; break;
    case napi_key_numbers_to_strings: conversion = v8::KeyConversionMode::kConvertToString; break;
    default: return SetLastError(env, napi_invalid_arg);
  }
  Local<v8::Array> names;
  FE_TO_LOCAL(env, names,
              obj->GetPropertyNames(ctx, mode, static_cast<v8::PropertyFilter>(filter),
                                    v8::IndexFilter::kIncludeIndices, conversion),
              napi_generic_failure);
  *result = JsValue(names);
  return FE_STATUS(env);
}

napi_status napi_get_property_names(napi_env env, napi_value object, napi_value *result) {
  return napi_get_all_property_names(env, object, napi_key_include_prototypes,
                                     static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
                                     napi_key_numbers_to_strings, result);
}

napi_status napi_define_properties(napi_env env, napi_value object, size_t property_count,
                                   const napi_property_descriptor *properties) {
  FE_PREAMBLE(env);
  if (property_count > 0) FE_CHECK_ARG(env, properties);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor *p = &properties[i];
    Local<v8::Name> name;
    napi_status st = DescriptorName(env, p, &name);
    if (st != napi_ok) return st;
    if (p->getter != nullptr || p->setter != nullptr) {
      Local<v8::Function> getter, setter;
      if (p->getter != nullptr) FE_TO_LOCAL(env, getter, NewFunction(env, p->getter, p->data), napi_generic_failure);
      if (p->setter != nullptr) FE_TO_LOCAL(env, setter, NewFunction(env, p->setter, p->data), napi_generic_failure);
      v8::PropertyDescriptor d(getter, setter);
      d.set_enumerable((p->attributes & napi_enumerable) != 0);
      d.set_configurable((p->attributes & napi_configurable) != 0);
      if (!obj->DefineProperty(ctx, name, d).FromMaybe(false)) return SetLastError(env, napi_invalid_arg);
    } else if (p->method != nullptr) {
      Local<v8::Function> fn;
      FE_TO_LOCAL(env, fn, NewFunction(env, p->method, p->data), napi_generic_failure);
      v8::PropertyDescriptor d(fn, (p->attributes & napi_writable) != 0);
      d.set_enumerable((p->attributes & napi_enumerable) != 0);
      d.set_configurable((p->attributes & napi_configurable) != 0);
      if (!obj->DefineProperty(ctx, name, d).FromMaybe(false)) return SetLastError(env, napi_generic_failure);
    } else {
      v8::PropertyDescriptor d(V8Value(p->value), (p->attributes & napi_writable) != 0);
      d.set_enumerable((p->attributes & napi_enumerable) != 0);
      d.set_configurable((p->attributes & napi_configurable) != 0);
      if (!obj->DefineProperty(ctx, name, d).FromMaybe(false)) return SetLastError(env, napi_invalid_arg);
    }
  }
  return FE_STATUS(env);
}

napi_status napi_object_freeze(napi_env env, napi_value object) {
  FE_PREAMBLE(env);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> ok = obj->SetIntegrityLevel(ctx, v8::IntegrityLevel::kFrozen);
  FE_RETURN_IF_FALSE(env, ok.FromMaybe(false), napi_generic_failure);
  return FE_STATUS(env);
}

napi_status napi_object_seal(napi_env env, napi_value object) {
  FE_PREAMBLE(env);
  Local<Context> ctx = env->ctx();
  Local<Object> obj;
  FE_TO_OBJECT(env, ctx, obj, object);
  v8::Maybe<bool> ok = obj->SetIntegrityLevel(ctx, v8::IntegrityLevel::kSealed);
  FE_RETURN_IF_FALSE(env, ok.FromMaybe(false), napi_generic_failure);
  return FE_STATUS(env);
}

}  // extern "C"
