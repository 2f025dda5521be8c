// values.cc — Node-API values: primitives, strings, numbers, BigInts, symbols, dates, promises,
// type checks and coercions. Each function is a forwarder over the V8 call of the same meaning.
#include <climits>
#include <cmath>
#include <limits>

#include "napi_env.h"

using v8::Context;
using v8::Isolate;
using v8::Local;
using v8::String;
using v8::Value;

namespace fe_napi {

napi_status NewString(napi_env env, const char *s, size_t len, Local<String> *out) {
  if (len == NAPI_AUTO_LENGTH) len = strlen(s);
  if (len > static_cast<size_t>(String::kMaxLength)) return SetLastError(env, napi_invalid_arg);
  if (!String::NewFromUtf8(env->isolate, s, v8::NewStringType::kNormal, static_cast<int>(len)).ToLocal(out)) {
    return SetLastError(env, napi_generic_failure);
  }
  return napi_ok;
}

}  // namespace fe_napi

using namespace fe_napi;

namespace {

template <typename Make>
napi_status MakeString(napi_env env, const void *str, size_t length, napi_value *result, Make &&make) {
  FE_CHECK_ENV(env);
  if (length > 0) FE_CHECK_ARG(env, str);
  FE_CHECK_ARG(env, result);
  FE_RETURN_IF_FALSE(env, (length == NAPI_AUTO_LENGTH) || length <= INT_MAX, napi_invalid_arg);
  Local<String> s;
  FE_TO_LOCAL(env, s, make(), napi_generic_failure);
  *result = JsValue(s);
  return ClearLastError(env);
}

// The addon's characters as a V8 string; V8 disposes the resource inside the GC, so the
// finalizer is queued for the loop (run at once when the env is already ending).
template <typename Base, typename Char>
struct ExternalString : Base {
  ExternalString(napi_env env, Char *data, size_t length, napi_finalize cb, void *hint)
      : env(env), chars(data), len(length), fin{cb, data, hint} {}
  const Char *data() const override { return chars; }
  size_t length() const override { return len; }
  void Dispose() override {
    if (fin.cb != nullptr) {
      if (env->tearing_down) fin.cb(env, fin.data, fin.hint);
      else EnqueueFinalizer(env, fin);
    }
    delete this;
  }
  napi_env env;
  Char *chars;
  size_t len;
  Finalizer fin;
};

size_t U16Length(const char16_t *s) {
  size_t n = 0;
  while (s[n] != 0) n++;
  return n;
}

// Copies a string into buf (at most bufsize-1 units and a NUL), or gives its length.
template <typename Get>
napi_status GetString(napi_env env, napi_value value, size_t bufsize, size_t *result, bool has_buf, Get &&get) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsString(), napi_string_expected);
  if (!has_buf) {
    FE_CHECK_ARG(env, result);
  }
  get(v.As<String>());
  return ClearLastError(env);
}

}  // namespace

extern "C" {

napi_status napi_get_undefined(napi_env env, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Undefined(env->isolate));
  return ClearLastError(env);
}

napi_status napi_get_null(napi_env env, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Null(env->isolate));
  return ClearLastError(env);
}

napi_status napi_get_global(napi_env env, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(env->ctx()->Global());
  return ClearLastError(env);
}

napi_status napi_get_boolean(napi_env env, bool value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Boolean::New(env->isolate, value));
  return ClearLastError(env);
}

napi_status napi_create_double(napi_env env, double value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Number::New(env->isolate, value));
  return ClearLastError(env);
}

napi_status napi_create_int32(napi_env env, int32_t value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Integer::New(env->isolate, value));
  return ClearLastError(env);
}

napi_status napi_create_uint32(napi_env env, uint32_t value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Integer::NewFromUnsigned(env->isolate, value));
  return ClearLastError(env);
}

napi_status napi_create_int64(napi_env env, int64_t value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Number::New(env->isolate, static_cast<double>(value)));
  return ClearLastError(env);
}

napi_status napi_create_string_latin1(napi_env env, const char *str, size_t length, napi_value *result) {
  return MakeString(env, str, length, result, [&] {
    return String::NewFromOneByte(env->isolate, reinterpret_cast<const uint8_t *>(str), v8::NewStringType::kNormal,
                                  length == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(length));
  });
}

napi_status napi_create_string_utf8(napi_env env, const char *str, size_t length, napi_value *result) {
  return MakeString(env, str, length, result, [&] {
    return String::NewFromUtf8(env->isolate, str, v8::NewStringType::kNormal,
                               length == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(length));
  });
}

napi_status napi_create_string_utf16(napi_env env, const char16_t *str, size_t length, napi_value *result) {
  return MakeString(env, str, length, result, [&] {
    return String::NewFromTwoByte(env->isolate, reinterpret_cast<const uint16_t *>(str), v8::NewStringType::kNormal,
                                  length == NAPI_AUTO_LENGTH ? -1 : static_cast<int>(length));
  });
}

napi_status node_api_create_external_string_latin1(napi_env env, char *str, size_t length,
                                                   napi_finalize finalize_callback, void *finalize_hint,
                                                   napi_value *result, bool *copied) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  if (length > 0) FE_CHECK_ARG(env, str);
  if (length == NAPI_AUTO_LENGTH) length = strlen(str);
  FE_RETURN_IF_FALSE(env, length <= static_cast<size_t>(String::kMaxLength), napi_invalid_arg);
  auto *r = new ExternalString<String::ExternalOneByteStringResource, char>(env, str, length, finalize_callback,
                                                                         finalize_hint);
  Local<String> s;
  if (!String::NewExternalOneByte(env->isolate, r).ToLocal(&s)) {
    r->fin.cb = nullptr;
    delete r;
    return SetLastError(env, napi_generic_failure);
  }
  if (copied != nullptr) *copied = false;
  *result = JsValue(s);
  return ClearLastError(env);
}

napi_status node_api_create_external_string_utf16(napi_env env, char16_t *str, size_t length,
                                                  napi_finalize finalize_callback, void *finalize_hint,
                                                  napi_value *result, bool *copied) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  if (length > 0) FE_CHECK_ARG(env, str);
  if (length == NAPI_AUTO_LENGTH) length = U16Length(str);
  FE_RETURN_IF_FALSE(env, length <= static_cast<size_t>(String::kMaxLength), napi_invalid_arg);
  auto *r = new ExternalString<String::ExternalStringResource, uint16_t>(
      env, reinterpret_cast<uint16_t *>(str), length, finalize_callback, finalize_hint);
  Local<String> s;
  if (!String::NewExternalTwoByte(env->isolate, r).ToLocal(&s)) {
    r->fin.cb = nullptr;
    delete r;
    return SetLastError(env, napi_generic_failure);
  }
  if (copied != nullptr) *copied = false;
  *result = JsValue(s);
  return ClearLastError(env);
}

napi_status napi_create_symbol(napi_env env, napi_value description, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  if (description == nullptr) {
    *result = JsValue(v8::Symbol::New(env->isolate));
  } else {
    Local<Value> d = V8Value(description);
    FE_RETURN_IF_FALSE(env, d->IsString(), napi_string_expected);
    *result = JsValue(v8::Symbol::New(env->isolate, d.As<String>()));
  }
  return ClearLastError(env);
}

napi_status node_api_symbol_for(napi_env env, const char *utf8description, size_t length, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  napi_value key;
  napi_status s = napi_create_string_utf8(env, utf8description, length, &key);
  if (s != napi_ok) return s;
  *result = JsValue(v8::Symbol::For(env->isolate, V8Value(key).As<String>()));
  return ClearLastError(env);
}

napi_status napi_typeof(napi_env env, napi_value value, napi_valuetype *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  if (v->IsNumber()) *result = napi_number;
  else if (v->IsBigInt()) *result = napi_bigint;
  else if (v->IsString()) *result = napi_string;
  else if (v->IsFunction()) *result = napi_function;
  else if (v->IsExternal()) *result = napi_external;
  else if (v->IsObject()) *result = napi_object;
  else if (v->IsBoolean()) *result = napi_boolean;
  else if (v->IsUndefined()) *result = napi_undefined;
  else if (v->IsSymbol()) *result = napi_symbol;
  else if (v->IsNull()) *result = napi_null;
  else return SetLastError(env, napi_invalid_arg);
  return ClearLastError(env);
}

napi_status napi_get_value_double(napi_env env, napi_value value, double *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  int32_t small;
  if (SmiValue(value, &small)) {
    *result = small;
    return ClearLastError(env);
  }
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
  *result = v.As<v8::Number>()->Value();
  return ClearLastError(env);
}

napi_status napi_get_value_int32(napi_env env, napi_value value, int32_t *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  int32_t small;
  if (SmiValue(value, &small)) {
    *result = static_cast<int32_t>(small);
    return ClearLastError(env);
  }
  Local<Value> v = V8Value(value);
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
  } else {
    FE_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
    // ToInt32 semantics (modulo 2^32), as V8's Int32Value of a Number.
    *result = v->Int32Value(env->ctx()).FromJust();
  }
  return ClearLastError(env);
}

napi_status napi_get_value_uint32(napi_env env, napi_value value, uint32_t *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  int32_t small;
  if (SmiValue(value, &small)) {
    *result = static_cast<uint32_t>(small);  // modulo 2^32, as ToUint32
    return ClearLastError(env);
  }
  Local<Value> v = V8Value(value);
  if (v->IsUint32()) {
    *result = v.As<v8::Uint32>()->Value();
  } else {
    FE_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
    *result = v->Uint32Value(env->ctx()).FromJust();
  }
  return ClearLastError(env);
}

napi_status napi_get_value_int64(napi_env env, napi_value value, int64_t *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  int32_t small;
  if (SmiValue(value, &small)) {
    *result = static_cast<int64_t>(small);
    return ClearLastError(env);
  }
  Local<Value> v = V8Value(value);
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
    return ClearLastError(env);
  }
  FE_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
  // Node: non-finite values are 0; the rest saturate as V8's IntegerValue does.
  double d = v.As<v8::Number>()->Value();
  if (std::isfinite(d)) *result = v->IntegerValue(env->ctx()).FromJust();
  else *result = 0;
  return ClearLastError(env);
}

napi_status napi_get_value_bool(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsBoolean(), napi_boolean_expected);
  *result = v.As<v8::Boolean>()->Value();
  return ClearLastError(env);
}

napi_status napi_get_value_string_latin1(napi_env env, napi_value value, char *buf, size_t bufsize, size_t *result) {
  return GetString(env, value, bufsize, result, buf != nullptr, [&](Local<String> s) {
    if (buf == nullptr) {
      *result = s->Length();
    } else if (bufsize != 0) {
      int copied = s->WriteOneByte(env->isolate, reinterpret_cast<uint8_t *>(buf), 0, static_cast<int>(bufsize - 1),
                                   String::NO_NULL_TERMINATION);
      buf[copied] = '\0';
      if (result != nullptr) *result = copied;
    } else if (result != nullptr) {
      *result = 0;
    }
  });
}

napi_status napi_get_value_string_utf8(napi_env env, napi_value value, char *buf, size_t bufsize, size_t *result) {
  return GetString(env, value, bufsize, result, buf != nullptr, [&](Local<String> s) {
    if (buf == nullptr) {
      *result = s->Utf8Length(env->isolate);
    } else if (bufsize != 0) {
      int copied = s->WriteUtf8(env->isolate, buf, static_cast<int>(bufsize - 1), nullptr,
                                String::REPLACE_INVALID_UTF8 | String::NO_NULL_TERMINATION);
      buf[copied] = '\0';
      if (result != nullptr) *result = copied;
    } else if (result != nullptr) {
      *result = 0;
    }
  });
}

napi_status napi_get_value_string_utf16(napi_env env, napi_value value, char16_t *buf, size_t bufsize,
                                        size_t *result) {
  return GetString(env, value, bufsize, result, buf != nullptr, [&](Local<String> s) {
    if (buf == nullptr) {
      *result = s->Length();
    } else if (bufsize != 0) {
      int copied = s->Write(env->isolate, reinterpret_cast<uint16_t *>(buf), 0, static_cast<int>(bufsize - 1),
                            String::NO_NULL_TERMINATION);
      buf[copied] = '\0';
      if (result != nullptr) *result = copied;
    } else if (result != nullptr) {
      *result = 0;
    }
  });
}

napi_status napi_coerce_to_bool(napi_env env, napi_value value, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::Boolean::New(env->isolate, V8Value(value)->BooleanValue(env->isolate)));
  return FE_STATUS(env);
}

#define FE_COERCE(name, method, Type, status)                                  \
  napi_status name(napi_env env, napi_value value, napi_value *result) {       \
    FE_PREAMBLE(env);                                                          \
    FE_CHECK_ARG(env, value);                                                  \
    FE_CHECK_ARG(env, result);                                                 \
    Local<Type> out;                                                           \
    FE_TO_LOCAL(env, out, V8Value(value)->method(env->ctx()), status);         \
    *result = JsValue(out);                                                    \
    return FE_STATUS(env);                                                     \
  }
FE_COERCE(napi_coerce_to_number, ToNumber, v8::Number, napi_number_expected)
FE_COERCE(napi_coerce_to_object, ToObject, v8::Object, napi_object_expected)
FE_COERCE(napi_coerce_to_string, ToString, String, napi_string_expected)
#undef FE_COERCE

napi_status napi_strict_equals(napi_env env, napi_value lhs, napi_value rhs, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, lhs);
  FE_CHECK_ARG(env, rhs);
  FE_CHECK_ARG(env, result);
  *result = V8Value(lhs)->StrictEquals(V8Value(rhs));
  return FE_STATUS(env);
}

napi_status napi_instanceof(napi_env env, napi_value object, napi_value constructor, bool *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, object);
  FE_CHECK_ARG(env, result);
  *result = false;
  Local<Context> ctx = env->ctx();
  Local<v8::Object> ctor;
  FE_TO_OBJECT(env, ctx, ctor, constructor);
  if (!ctor->IsFunction()) {
    napi_throw_type_error(env, "ERR_NAPI_CONS_FUNCTION", "Constructor must be a function");
    return SetLastError(env, napi_function_expected);
  }
  v8::Maybe<bool> is = V8Value(object)->InstanceOf(ctx, ctor);
  FE_MAYBE(env, is, napi_generic_failure);
  *result = is.FromJust();
  return FE_STATUS(env);
}

napi_status napi_create_bigint_int64(napi_env env, int64_t value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::BigInt::New(env->isolate, value));
  return ClearLastError(env);
}

napi_status napi_create_bigint_uint64(napi_env env, uint64_t value, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(v8::BigInt::NewFromUnsigned(env->isolate, value));
  return ClearLastError(env);
}

napi_status napi_create_bigint_words(napi_env env, int sign_bit, size_t word_count, const uint64_t *words,
                                     napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, words);
  FE_CHECK_ARG(env, result);
  FE_RETURN_IF_FALSE(env, word_count <= INT_MAX, napi_invalid_arg);
  Local<v8::BigInt> b;
  if (!v8::BigInt::NewFromWords(env->ctx(), sign_bit, static_cast<int>(word_count), words).ToLocal(&b)) {
    return FE_STATUS(env);
  }
  *result = JsValue(b);
  return FE_STATUS(env);
}

napi_status napi_get_value_bigint_int64(napi_env env, napi_value value, int64_t *result, bool *lossless) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  FE_CHECK_ARG(env, lossless);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Int64Value(lossless);
  return ClearLastError(env);
}

napi_status napi_get_value_bigint_uint64(napi_env env, napi_value value, uint64_t *result, bool *lossless) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  FE_CHECK_ARG(env, lossless);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  *result = v.As<v8::BigInt>()->Uint64Value(lossless);
  return ClearLastError(env);
}

napi_status napi_get_value_bigint_words(napi_env env, napi_value value, int *sign_bit, size_t *word_count,
                                        uint64_t *words) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, word_count);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsBigInt(), napi_bigint_expected);
  Local<v8::BigInt> b = v.As<v8::BigInt>();
  int count = static_cast<int>(*word_count);
  if (sign_bit == nullptr && words == nullptr) {
    *word_count = b->WordCount();
  } else {
    FE_CHECK_ARG(env, sign_bit);
    FE_CHECK_ARG(env, words);
    b->ToWordsArray(sign_bit, &count, words);
    *word_count = count;
  }
  return ClearLastError(env);
}

napi_status napi_create_date(napi_env env, double time, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<Value> d;
  FE_TO_LOCAL(env, d, v8::Date::New(env->ctx(), time), napi_generic_failure);
  *result = JsValue(d);
  return FE_STATUS(env);
}

napi_status napi_is_date(napi_env env, napi_value value, bool *is_date) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, is_date);
  *is_date = V8Value(value)->IsDate();
  return ClearLastError(env);
}

napi_status napi_get_date_value(napi_env env, napi_value value, double *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsDate(), napi_date_expected);
  *result = v.As<v8::Date>()->ValueOf();
  return FE_STATUS(env);
}

napi_status napi_create_promise(napi_env env, napi_deferred *deferred, napi_value *promise) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, deferred);
  FE_CHECK_ARG(env, promise);
  Local<v8::Promise::Resolver> r;
  FE_TO_LOCAL(env, r, v8::Promise::Resolver::New(env->ctx()), napi_generic_failure);
  *deferred = reinterpret_cast<napi_deferred>(new v8::Global<Value>(env->isolate, r));
  *promise = JsValue(r->GetPromise());
  return FE_STATUS(env);
}

static napi_status Conclude(napi_env env, napi_deferred deferred, napi_value value, bool resolve) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, value);
  auto *g = reinterpret_cast<v8::Global<Value> *>(deferred);
  Local<v8::Promise::Resolver> r = g->Get(env->isolate).As<v8::Promise::Resolver>();
  v8::Maybe<bool> ok = resolve ? r->Resolve(env->ctx(), V8Value(value)) : r->Reject(env->ctx(), V8Value(value));
  delete g;
  return ok.IsJust() ? FE_STATUS(env) : SetLastError(env, napi_generic_failure);
}

napi_status napi_resolve_deferred(napi_env env, napi_deferred deferred, napi_value resolution) {
  return Conclude(env, deferred, resolution, true);
}

napi_status napi_reject_deferred(napi_env env, napi_deferred deferred, napi_value rejection) {
  return Conclude(env, deferred, rejection, false);
}

napi_status napi_is_promise(napi_env env, napi_value value, bool *is_promise) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, is_promise);
  *is_promise = V8Value(value)->IsPromise();
  return ClearLastError(env);
}

napi_status napi_run_script(napi_env env, napi_value script, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, script);
  FE_CHECK_ARG(env, result);
  Local<Value> src = V8Value(script);
  FE_RETURN_IF_FALSE(env, src->IsString(), napi_string_expected);
  Local<Context> ctx = env->ctx();
  Local<v8::Script> compiled;
  FE_TO_LOCAL(env, compiled, v8::Script::Compile(ctx, src.As<String>()), napi_generic_failure);
  Local<Value> out;
  FE_TO_LOCAL(env, out, compiled->Run(ctx), napi_generic_failure);
  *result = JsValue(out);
  return FE_STATUS(env);
}

}  // extern "C"
