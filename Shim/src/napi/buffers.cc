// buffers.cc — Node-API binary data: ArrayBuffers (own or external memory), TypedArrays,
// DataViews and Node Buffers (Uint8Arrays with the runtime's Buffer.prototype).
//
// External memory is wrapped with a no-op deleter; the addon's finalizer runs when the GC collects
// the ArrayBuffer (a weak Reference), on the loop, as Node's Buffer::New(data, callback) does.
#include "napi_env.h"

using v8::ArrayBuffer;
using v8::Local;
using v8::Value;

using namespace fe_napi;

namespace {

void NoDelete(void *, size_t, void *) {}

Local<ArrayBuffer> ExternalArrayBuffer(napi_env env, void *data, size_t length, napi_finalize cb, void *hint) {
  std::shared_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(data, length, NoDelete, nullptr);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, std::move(store));
  if (cb != nullptr) Reference::New(env, ab, 0, true, cb, data, hint);
  // postMessage copies it instead of moving the addon's memory to another thread (fe_serialize.cc).
  v8::Isolate *isolate = env->isolate;
  (void)ab->SetPrivate(env->ctx(), v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(isolate, "fe:untransferable")),
                       v8::True(isolate));
  return ab;
}

napi_status MakeBuffer(napi_env env, Local<ArrayBuffer> ab, size_t length, napi_value *result) {
  Local<v8::Uint8Array> u8 = v8::Uint8Array::New(ab, 0, length);
  if (!env->buffer_proto.IsEmpty()) {
    if (u8->SetPrototype(env->ctx(), env->buffer_proto.Get(env->isolate)).IsNothing()) {
      return SetLastError(env, napi_generic_failure);
    }
  }
  *result = JsValue(u8);
  return napi_ok;
}

template <typename T>
napi_status NewTyped(napi_env env, const char *name, size_t element, Local<ArrayBuffer> ab, size_t offset,
                     size_t length, Local<v8::TypedArray> *out) {
  if (element > 1 && offset % element != 0) {
    std::string msg = std::string("start offset of ") + name + " should be a multiple of " + std::to_string(element);
    napi_throw_range_error(env, "ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT", msg.c_str());
    return SetLastError(env, napi_pending_exception);
  }
  if (length * element + offset > ab->ByteLength()) {
    napi_throw_range_error(env, "ERR_NAPI_INVALID_TYPEDARRAY_LENGTH", "Invalid typed array length");
    return SetLastError(env, napi_pending_exception);
  }
  *out = T::New(ab, offset, length);
  return napi_ok;
}

}  // namespace

extern "C" {

napi_status napi_create_arraybuffer(napi_env env, size_t byte_length, void **data, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, byte_length);
  if (data != nullptr) *data = ab->Data();
  *result = JsValue(ab);
  return FE_STATUS(env);
}

napi_status napi_create_external_arraybuffer(napi_env env, void *external_data, size_t byte_length,
                                             napi_finalize finalize_cb, void *finalize_hint, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  *result = JsValue(ExternalArrayBuffer(env, external_data, byte_length, finalize_cb, finalize_hint));
  return FE_STATUS(env);
}

napi_status napi_get_arraybuffer_info(napi_env env, napi_value arraybuffer, void **data, size_t *byte_length) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, arraybuffer);
  Local<Value> v = V8Value(arraybuffer);
  FE_RETURN_IF_FALSE(env, v->IsArrayBuffer(), napi_invalid_arg);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  if (data != nullptr) *data = ab->Data();
  if (byte_length != nullptr) *byte_length = ab->ByteLength();
  return ClearLastError(env);
}

napi_status napi_is_arraybuffer(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = V8Value(value)->IsArrayBuffer();
  return ClearLastError(env);
}

napi_status napi_detach_arraybuffer(napi_env env, napi_value arraybuffer) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, arraybuffer);
  Local<Value> v = V8Value(arraybuffer);
  FE_RETURN_IF_FALSE(env, v->IsArrayBuffer(), napi_arraybuffer_expected);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  FE_RETURN_IF_FALSE(env, ab->IsDetachable(), napi_detachable_arraybuffer_expected);
  ab->Detach();
  return ClearLastError(env);
}

napi_status napi_is_detached_arraybuffer(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(value);
  *result = v->IsArrayBuffer() && v.As<ArrayBuffer>()->Data() == nullptr;
  return ClearLastError(env);
}

napi_status napi_is_typedarray(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = V8Value(value)->IsTypedArray();
  return ClearLastError(env);
}

napi_status napi_create_typedarray(napi_env env, napi_typedarray_type type, size_t length, napi_value arraybuffer,
                                   size_t byte_offset, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, arraybuffer);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(arraybuffer);
  FE_RETURN_IF_FALSE(env, v->IsArrayBuffer(), napi_invalid_arg);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  Local<v8::TypedArray> out;
  napi_status st;
  switch (type) {
#define FE_CASE(tag, T, size) \
  case tag: st = NewTyped<v8::T>(env, #T, size, ab, byte_offset, length, &out); break;
    FE_CASE(napi_int8_array, Int8Array, 1)
    FE_CASE(napi_uint8_array, Uint8Array, 1)
    FE_CASE(napi_uint8_clamped_array, Uint8ClampedArray, 1)
    FE_CASE(napi_int16_array, Int16Array, 2)
    FE_CASE(napi_uint16_array, Uint16Array, 2)
    FE_CASE(napi_int32_array, Int32Array, 4)
    FE_CASE(napi_uint32_array, Uint32Array, 4)
    FE_CASE(napi_float32_array, Float32Array, 4)
    FE_CASE(napi_float64_array, Float64Array, 8)
    FE_CASE(napi_bigint64_array, BigInt64Array, 8)
    FE_CASE(napi_biguint64_array, BigUint64Array, 8)
#undef FE_CASE
    default: return SetLastError(env, napi_invalid_arg);
  }
  if (st != napi_ok) return st;
  *result = JsValue(out);
  return FE_STATUS(env);
}

napi_status napi_get_typedarray_info(napi_env env, napi_value typedarray, napi_typedarray_type *type, size_t *length,
                                     void **data, napi_value *arraybuffer, size_t *byte_offset) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, typedarray);
  Local<Value> v = V8Value(typedarray);
  FE_RETURN_IF_FALSE(env, v->IsTypedArray(), napi_invalid_arg);
  Local<v8::TypedArray> a = v.As<v8::TypedArray>();
  if (type != nullptr) {
    if (v->IsInt8Array()) *type = napi_int8_array;
    else if (v->IsUint8Array()) *type = napi_uint8_array;
    else if (v->IsUint8ClampedArray()) *type = napi_uint8_clamped_array;
    else if (v->IsInt16Array()) *type = napi_int16_array;
    else if (v->IsUint16Array()) *type = napi_uint16_array;
    else if (v->IsInt32Array()) *type = napi_int32_array;
    else if (v->IsUint32Array()) *type = napi_uint32_array;
    else if (v->IsFloat32Array()) *type = napi_float32_array;
    else if (v->IsFloat64Array()) *type = napi_float64_array;
    else if (v->IsBigInt64Array()) *type = napi_bigint64_array;
    else if (v->IsBigUint64Array()) *type = napi_biguint64_array;
  }
  if (length != nullptr) *length = a->Length();
  if (data != nullptr || arraybuffer != nullptr) {
    Local<ArrayBuffer> ab = a->Buffer();
    if (data != nullptr) *data = static_cast<uint8_t *>(ab->Data()) + a->ByteOffset();
    if (arraybuffer != nullptr) *arraybuffer = JsValue(ab);
  }
  if (byte_offset != nullptr) *byte_offset = a->ByteOffset();
  return ClearLastError(env);
}

napi_status napi_create_dataview(napi_env env, size_t byte_length, napi_value arraybuffer, size_t byte_offset,
                                 napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, arraybuffer);
  FE_CHECK_ARG(env, result);
  Local<Value> v = V8Value(arraybuffer);
  FE_RETURN_IF_FALSE(env, v->IsArrayBuffer(), napi_invalid_arg);
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  if (byte_length + byte_offset > ab->ByteLength()) {
    napi_throw_range_error(env, "ERR_NAPI_INVALID_DATAVIEW_ARGS",
                           "byte_offset + byte_length should be less than or equal to the size in bytes of the array "
                           "passed in");
    return SetLastError(env, napi_pending_exception);
  }
  *result = JsValue(v8::DataView::New(ab, byte_offset, byte_length));
  return FE_STATUS(env);
}

napi_status napi_is_dataview(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = V8Value(value)->IsDataView();
  return ClearLastError(env);
}

napi_status napi_get_dataview_info(napi_env env, napi_value dataview, size_t *bytelength, void **data,
                                   napi_value *arraybuffer, size_t *byte_offset) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, dataview);
  Local<Value> v = V8Value(dataview);
  FE_RETURN_IF_FALSE(env, v->IsDataView(), napi_invalid_arg);
  Local<v8::DataView> dv = v.As<v8::DataView>();
  if (bytelength != nullptr) *bytelength = dv->ByteLength();
  if (data != nullptr || arraybuffer != nullptr) {
    Local<ArrayBuffer> ab = dv->Buffer();
    if (data != nullptr) *data = static_cast<uint8_t *>(ab->Data()) + dv->ByteOffset();
    if (arraybuffer != nullptr) *arraybuffer = JsValue(ab);
  }
  if (byte_offset != nullptr) *byte_offset = dv->ByteOffset();
  return ClearLastError(env);
}

napi_status napi_create_buffer(napi_env env, size_t length, void **data, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  FE_RETURN_IF_FALSE(env, length <= static_cast<size_t>(v8::TypedArray::kMaxLength), napi_invalid_arg);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, length);
  napi_status st = MakeBuffer(env, ab, length, result);
  if (st != napi_ok) return st;
  if (data != nullptr) *data = ab->Data();
  return FE_STATUS(env);
}

napi_status napi_create_external_buffer(napi_env env, size_t length, void *data, napi_finalize finalize_cb,
                                        void *finalize_hint, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = ExternalArrayBuffer(env, data, length, finalize_cb, finalize_hint);
  napi_status st = MakeBuffer(env, ab, length, result);
  if (st != napi_ok) return st;
  return FE_STATUS(env);
}

napi_status napi_create_buffer_copy(napi_env env, size_t length, const void *data, void **result_data,
                                    napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, result);
  FE_RETURN_IF_FALSE(env, length <= static_cast<size_t>(v8::TypedArray::kMaxLength), napi_invalid_arg);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, length);
  if (length > 0) memcpy(ab->Data(), data, length);
  napi_status st = MakeBuffer(env, ab, length, result);
  if (st != napi_ok) return st;
  if (result_data != nullptr) *result_data = ab->Data();
  return FE_STATUS(env);
}

napi_status napi_is_buffer(napi_env env, napi_value value, bool *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  FE_CHECK_ARG(env, result);
  *result = V8Value(value)->IsArrayBufferView();
  return ClearLastError(env);
}

napi_status napi_get_buffer_info(napi_env env, napi_value value, void **data, size_t *length) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, value);
  Local<Value> v = V8Value(value);
  FE_RETURN_IF_FALSE(env, v->IsArrayBufferView(), napi_invalid_arg);
  Local<v8::ArrayBufferView> view = v.As<v8::ArrayBufferView>();
  if (data != nullptr) *data = static_cast<uint8_t *>(view->Buffer()->Data()) + view->ByteOffset();
  if (length != nullptr) *length = view->ByteLength();
  return ClearLastError(env);
}

}  // extern "C"
