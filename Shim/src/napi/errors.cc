// errors.cc — Node-API errors and exceptions: making and throwing Error objects (with an optional
// `code`), the pending-exception slot, the last error's info, and fatal errors.
#include <cstdio>
#include <cstdlib>

#include "napi_env.h"

using v8::Local;
using v8::String;
using v8::Value;

using namespace fe_napi;

namespace {

// Node's error_messages, indexed by napi_status.
const char *const kMessages[] = {
    nullptr,
    "Invalid argument",
    "An object was expected",
    "A string was expected",
    "A string or symbol was expected",
    "A function was expected",
    "A number was expected",
    "A boolean was expected",
    "An array was expected",
    "Unknown failure",
    "An exception is pending",
    "The async work item was cancelled",
    "napi_escape_handle already called on scope",
    "Invalid handle scope usage",
    "Invalid callback scope usage",
    "Thread-safe function queue is full",
    "Thread-safe function handle is closing",
    "A bigint was expected",
    "A date was expected",
    "An arraybuffer was expected",
    "A detachable arraybuffer was expected",
    "Main thread would deadlock",
    "External buffers are not allowed",
    "Cannot run JavaScript",
};
static_assert(sizeof(kMessages) / sizeof(kMessages[0]) == napi_cannot_run_js + 1, "one message per status");

napi_status SetCode(napi_env env, Local<Value> error, napi_value code, const char *code_cstring) {
  if (code == nullptr && code_cstring == nullptr) return napi_ok;
  Local<v8::Context> ctx = env->ctx();
  Local<Value> code_value;
  if (code != nullptr) {
    code_value = V8Value(code);
    FE_RETURN_IF_FALSE(env, code_value->IsString(), napi_string_expected);
  } else {
    Local<String> s;
    napi_status st = NewString(env, code_cstring, NAPI_AUTO_LENGTH, &s);
    if (st != napi_ok) return st;
    code_value = s;
  }
  Local<String> key = String::NewFromUtf8Literal(env->isolate, "code");
  v8::Maybe<bool> set = error.As<v8::Object>()->Set(ctx, key, code_value);
  FE_RETURN_IF_FALSE(env, set.FromMaybe(false), napi_generic_failure);
  return napi_ok;
}

napi_status Create(napi_env env, napi_value code, napi_value msg, napi_value *result,
                   Local<Value> (*make)(Local<String>)) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, msg);
  FE_CHECK_ARG(env, result);
  Local<Value> m = V8Value(msg);
  FE_RETURN_IF_FALSE(env, m->IsString(), napi_string_expected);
  Local<Value> error = make(m.As<String>());
  napi_status st = SetCode(env, error, code, nullptr);
  if (st != napi_ok) return st;
  *result = JsValue(error);
  return ClearLastError(env);
}

napi_status Throw(napi_env env, const char *code, const char *msg,
                  Local<Value> (*make)(Local<String>)) {
  FE_PREAMBLE(env);
  Local<String> m;
  napi_status st = NewString(env, msg, NAPI_AUTO_LENGTH, &m);
  if (st != napi_ok) return st;
  Local<Value> error = make(m);
  st = SetCode(env, error, nullptr, code);
  if (st != napi_ok) return st;
  env->isolate->ThrowException(error);
  // The TryCatch parks it in env->last_exception; the addon's return hands it to V8.
  return ClearLastError(env);
}

}  // namespace

extern "C" {

napi_status napi_create_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  return Create(env, code, msg, result, v8::Exception::Error);
}
napi_status napi_create_type_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  return Create(env, code, msg, result, v8::Exception::TypeError);
}
napi_status napi_create_range_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  return Create(env, code, msg, result, v8::Exception::RangeError);
}
napi_status node_api_create_syntax_error(napi_env env, napi_value code, napi_value msg, napi_value *result) {
  return Create(env, code, msg, result, v8::Exception::SyntaxError);
}

napi_status napi_throw(napi_env env, napi_value error) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, error);
  env->isolate->ThrowException(V8Value(error));
  return ClearLastError(env);
}

napi_status napi_throw_error(napi_env env, const char *code, const char *msg) {
  return Throw(env, code, msg, v8::Exception::Error);
}
napi_status napi_throw_type_error(napi_env env, const char *code, const char *msg) {
  return Throw(env, code, msg, v8::Exception::TypeError);
}
napi_status napi_throw_range_error(napi_env env, const char *code, const char *msg) {
  return Throw(env, code, msg, v8::Exception::RangeError);
}
napi_status node_api_throw_syntax_error(napi_env env, const char *code, const char *msg) {
  return Throw(env, code, msg, v8::Exception::SyntaxError);
}

napi_status napi_is_error(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = V8Value(value)->IsNativeError();
  return ClearLastError(env);
}

napi_status napi_is_exception_pending(napi_env env, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  *result = !env->last_exception.IsEmpty();
  return ClearLastError(env);
}

napi_status napi_get_and_clear_last_exception(napi_env env, napi_value *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  if (env->last_exception.IsEmpty()) return napi_get_undefined(env, result);
  *result = JsValue(env->last_exception.Get(env->isolate));
  env->last_exception.Reset();
  return ClearLastError(env);
}

napi_status napi_get_last_error_info(napi_env env, const napi_extended_error_info **result) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, result);
  if (env->last_error.error_code <= napi_cannot_run_js) {
    env->last_error.error_message = kMessages[env->last_error.error_code];
  }
  *result = &env->last_error;
  return napi_ok;
}

void napi_fatal_error(const char *location, size_t location_len, const char *message, size_t message_len) {
  std::string where = location == nullptr ? "" : location_len == NAPI_AUTO_LENGTH ? std::string(location)
                                                                                  : std::string(location, location_len);
  std::string what = message == nullptr ? "" : message_len == NAPI_AUTO_LENGTH ? std::string(message)
                                                                               : std::string(message, message_len);
  fflush(stdout);
  fprintf(stderr, "FATAL ERROR: %s %s\n", where.c_str(), what.c_str());
  fflush(stderr);
  abort();
}

napi_status napi_fatal_exception(napi_env env, napi_value err) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, err);
  Uncaught(env, V8Value(err), true);
  return ClearLastError(env);
}

}  // extern "C"
