// fe_serialize.cc — V8's ValueSerializer/ValueDeserializer behind the C API (fe_v8.h, "structured
// clone"). postMessage, structuredClone and node:v8's Serializer all need V8's own wire format: a
// JavaScript copy of the algorithm cannot share a SharedArrayBuffer's memory, move an
// ArrayBuffer's or keep the exact format node:v8 documents.
//
// A serializer or deserializer lives in a JS object with two internal fields (the native box and
// a kind tag), so the GC frees what JavaScript drops. Its delegate calls back into a JS `hooks`
// object, Node's layout: writeHostObject(ser, object), getSharedArrayBufferId(ser, sab),
// dataCloneError(message), readHostObject(des). A serializer made for a message keeps
// SharedArrayBuffers, WebAssembly modules and transferred ArrayBuffers by their backing memory
// (fe_msg), which any thread may then hand to a deserializer of another isolate.
#include "fe_v8.h"
#include "rt_internal.h"

#include <v8.h>

#include <cstdlib>
#include <memory>
#include <vector>

using fe::FromVal;
using fe::ToVal;
using v8::ArrayBuffer;
using v8::Context;
using v8::Function;
using v8::Global;
using v8::Isolate;
using v8::Just;
using v8::Local;
using v8::Maybe;
using v8::MaybeLocal;
using v8::Nothing;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::String;
using v8::Value;
using v8::WasmModuleObject;

struct fe_msg {
  std::vector<uint8_t> data;
  std::vector<std::shared_ptr<v8::BackingStore>> arrays;  // transferred ArrayBuffers, by transfer id
  std::vector<std::shared_ptr<v8::BackingStore>> shared;  // SharedArrayBuffers, by clone id
  std::vector<v8::CompiledWasmModule> wasm;
};

namespace {

enum Kind { kSerializer = 1, kDeserializer = 2 };

// What a wrapper object points at; deleted after the GC collected the wrapper.
struct Wrapped {
  virtual ~Wrapped() = default;
  fe_rt *rt = nullptr;
  Isolate *isolate = nullptr;
  Global<Object> handle;  // weak: the wrapper
  Global<Object> hooks;
};

void SecondPass(const v8::WeakCallbackInfo<Wrapped> &info) { delete info.GetParameter(); }
void FirstPass(const v8::WeakCallbackInfo<Wrapped> &info) {
  info.GetParameter()->handle.Reset();
  info.SetSecondPassCallback(SecondPass);
}

Local<Object> Wrap(fe_rt *rt, Wrapped *box, Kind kind, Local<Value> hooks) {
  Isolate *isolate = fe::IsolateOf(rt);
  Local<Object> obj = fe::WrapperTemplate(rt, 2)->NewInstance(fe::ContextOf(rt)).ToLocalChecked();
  obj->SetAlignedPointerInInternalField(0, box);
  obj->SetInternalField(1, v8::Integer::New(isolate, kind));
  box->rt = rt;
  box->isolate = isolate;
  box->handle.Reset(isolate, obj);
  box->handle.SetWeak(box, FirstPass, v8::WeakCallbackType::kParameter);
  box->hooks.Reset(isolate, hooks->IsObject() ? hooks.As<Object>() : Object::New(isolate));
  return obj;
}

Wrapped *Unwrap(fe_val v, Kind kind) {
  Local<Value> value = FromVal(v);
  if (!value->IsObject()) return nullptr;
  Local<Object> obj = value.As<Object>();
  if (obj->InternalFieldCount() != 2) return nullptr;
  Local<Value> tag = obj->GetInternalField(1);
  if (!tag->IsInt32() || tag.As<v8::Int32>()->Value() != kind) return nullptr;
  return static_cast<Wrapped *>(obj->GetAlignedPointerFromInternalField(0));
}

// hooks[name](...args), or empty with *missing set when the hook is not a function.
// V8's ValueDeserializer::ReadObject forbids JavaScript (DisallowJavascriptExecution) for the
// whole read, delegate callbacks included; a hook is JavaScript (and may be a getter), so it runs
// under an explicit allow scope, as Node's own DeserializerContext::ReadHostObject does. Without
// it V8 aborts the process with "Check failed: AllowJavascriptExecution::IsAllowed".
MaybeLocal<Value> CallHook(Wrapped *box, const char *name, int argc, Local<Value> *argv, bool *missing) {
  Isolate *isolate = box->isolate;
  Isolate::AllowJavascriptExecutionScope allow_js(isolate);
  Local<Context> ctx = fe::ContextOf(box->rt);
  Local<Object> hooks = box->hooks.Get(isolate);
  Local<Value> fn;
  *missing = false;
  if (!hooks->Get(ctx, String::NewFromUtf8(isolate, name).ToLocalChecked()).ToLocal(&fn)) return {};
  if (!fn->IsFunction()) {
    *missing = true;
    return {};
  }
  return fn.As<Function>()->Call(ctx, hooks, argc, argv);
}

struct SerBox;

class SerDelegate final : public v8::ValueSerializer::Delegate {
 public:
  explicit SerDelegate(SerBox *box) : box_(box) {}
  void ThrowDataCloneError(Local<String> message) override;
  Maybe<bool> WriteHostObject(Isolate *isolate, Local<Object> object) override;
  Maybe<uint32_t> GetSharedArrayBufferId(Isolate *isolate, Local<SharedArrayBuffer> sab) override;
  Maybe<uint32_t> GetWasmModuleTransferId(Isolate *isolate, Local<WasmModuleObject> module) override;

 private:
  SerBox *box_;
};

struct SerBox final : Wrapped {
  SerBox(Isolate *isolate, bool for_message) : delegate(this), ser(isolate, &delegate), for_message(for_message) {}
  SerDelegate delegate;
  v8::ValueSerializer ser;
  bool for_message;
  bool released = false;
  std::vector<Global<ArrayBuffer>> transfers;
  std::vector<Global<SharedArrayBuffer>> shared;
  std::unique_ptr<fe_msg> msg{new fe_msg()};
};

void SerDelegate::ThrowDataCloneError(Local<String> message) {
  Isolate *isolate = box_->isolate;
  Local<Value> args[] = {message};
  bool missing = false;
  Local<Value> error;
  if (!CallHook(box_, "dataCloneError", 1, args, &missing).ToLocal(&error)) {
    if (!missing) return;  // the hook threw: that exception stands
    error = v8::Exception::Error(message);
  }
  isolate->ThrowException(error);
}

Maybe<bool> SerDelegate::WriteHostObject(Isolate *isolate, Local<Object> object) {
  Local<Value> args[] = {box_->handle.Get(isolate), object};
  bool missing = false;
  Local<Value> ignored;
  if (CallHook(box_, "writeHostObject", 2, args, &missing).ToLocal(&ignored)) return Just(true);
  if (missing) return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
  return Nothing<bool>();
}

Maybe<uint32_t> SerDelegate::GetSharedArrayBufferId(Isolate *isolate, Local<SharedArrayBuffer> sab) {
  if (box_->for_message) {
    for (size_t i = 0; i < box_->shared.size(); i++) {
      if (box_->shared[i].Get(isolate) == sab) return Just(static_cast<uint32_t>(i));
    }
    box_->shared.emplace_back(isolate, sab);
    box_->msg->shared.push_back(sab->GetBackingStore());
    return Just(static_cast<uint32_t>(box_->shared.size() - 1));
  }
  Local<Value> args[] = {box_->handle.Get(isolate), sab};
  bool missing = false;
  Local<Value> id;
  if (CallHook(box_, "getSharedArrayBufferId", 2, args, &missing).ToLocal(&id)) {
    uint32_t n = 0;
    if (id->Uint32Value(isolate->GetCurrentContext()).To(&n)) return Just(n);
    return Nothing<uint32_t>();
  }
  if (missing) return v8::ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, sab);
  return Nothing<uint32_t>();
}

Maybe<uint32_t> SerDelegate::GetWasmModuleTransferId(Isolate *isolate, Local<WasmModuleObject> module) {
  if (!box_->for_message) return v8::ValueSerializer::Delegate::GetWasmModuleTransferId(isolate, module);
  box_->msg->wasm.push_back(module->GetCompiledModule());
  return Just(static_cast<uint32_t>(box_->msg->wasm.size() - 1));
}

struct DesBox;

class DesDelegate final : public v8::ValueDeserializer::Delegate {
 public:
  explicit DesDelegate(DesBox *box) : box_(box) {}
  MaybeLocal<Object> ReadHostObject(Isolate *isolate) override;
  MaybeLocal<SharedArrayBuffer> GetSharedArrayBufferFromId(Isolate *isolate, uint32_t id) override;
  MaybeLocal<WasmModuleObject> GetWasmModuleFromId(Isolate *isolate, uint32_t id) override;

 private:
  DesBox *box_;
};

struct DesBox final : Wrapped {
  DesBox(Isolate *isolate, std::vector<uint8_t> bytes, std::unique_ptr<fe_msg> message)
      : delegate(this), data(std::move(bytes)), msg(std::move(message)) {
    const std::vector<uint8_t> &d = msg ? msg->data : data;
    des.reset(new v8::ValueDeserializer(isolate, d.data(), d.size(), &delegate));
  }
  DesDelegate delegate;
  std::vector<uint8_t> data;
  std::unique_ptr<fe_msg> msg;
  std::unique_ptr<v8::ValueDeserializer> des;
  std::vector<std::pair<uint32_t, Global<SharedArrayBuffer>>> shared;  // node:v8's transferArrayBuffer(id, sab)
};

MaybeLocal<Object> DesDelegate::ReadHostObject(Isolate *isolate) {
  Local<Value> args[] = {box_->handle.Get(isolate)};
  bool missing = false;
  Local<Value> out;
  if (!CallHook(box_, "readHostObject", 1, args, &missing).ToLocal(&out)) {
    if (missing) return v8::ValueDeserializer::Delegate::ReadHostObject(isolate);
    return {};
  }
  if (!out->IsObject()) {
    isolate->ThrowException(
        v8::Exception::TypeError(String::NewFromUtf8Literal(isolate, "readHostObject must return an object")));
    return {};
  }
  return out.As<Object>();
}

MaybeLocal<SharedArrayBuffer> DesDelegate::GetSharedArrayBufferFromId(Isolate *isolate, uint32_t id) {
  if (box_->msg && id < box_->msg->shared.size()) return SharedArrayBuffer::New(isolate, box_->msg->shared[id]);
  for (auto &entry : box_->shared) {
    if (entry.first == id) return entry.second.Get(isolate);
  }
  return v8::ValueDeserializer::Delegate::GetSharedArrayBufferFromId(isolate, id);
}

MaybeLocal<WasmModuleObject> DesDelegate::GetWasmModuleFromId(Isolate *isolate, uint32_t id) {
  if (box_->msg && id < box_->msg->wasm.size()) return WasmModuleObject::FromCompiledModule(isolate, box_->msg->wasm[id]);
  return v8::ValueDeserializer::Delegate::GetWasmModuleFromId(isolate, id);
}

SerBox *Ser(fe_val v) { return static_cast<SerBox *>(Unwrap(v, kSerializer)); }
DesBox *Des(fe_val v) { return static_cast<DesBox *>(Unwrap(v, kDeserializer)); }

}  // namespace

// --- serializer ----------------------------------------------------------------------------

fe_val fe_ser_new(fe_rt *rt, fe_val hooks, bool for_message) {
  auto *box = new SerBox(fe::IsolateOf(rt), for_message);
  return ToVal(Wrap(rt, box, kSerializer, FromVal(hooks)));
}

bool fe_ser_is(fe_rt *, fe_val ser) { return Ser(ser) != nullptr; }

void fe_ser_write_header(fe_rt *, fe_val ser) {
  if (SerBox *box = Ser(ser)) box->ser.WriteHeader();
}

bool fe_ser_write_value(fe_rt *rt, fe_val ser, fe_val value) {
  SerBox *box = Ser(ser);
  if (box == nullptr) return false;
  return box->ser.WriteValue(fe::ContextOf(rt), FromVal(value)).FromMaybe(false);
}

void fe_ser_write_uint32(fe_rt *, fe_val ser, uint32_t v) {
  if (SerBox *box = Ser(ser)) box->ser.WriteUint32(v);
}

void fe_ser_write_uint64(fe_rt *, fe_val ser, uint64_t v) {
  if (SerBox *box = Ser(ser)) box->ser.WriteUint64(v);
}

void fe_ser_write_double(fe_rt *, fe_val ser, double v) {
  if (SerBox *box = Ser(ser)) box->ser.WriteDouble(v);
}

void fe_ser_write_raw(fe_rt *, fe_val ser, const void *data, size_t len) {
  if (SerBox *box = Ser(ser)) box->ser.WriteRawBytes(data, len);
}

fe_transfer fe_ser_transfer_array_buffer(fe_rt *rt, fe_val ser, uint32_t id, fe_val buffer) {
  SerBox *box = Ser(ser);
  Local<Value> v = FromVal(buffer);
  if (box == nullptr || !v->IsArrayBuffer()) return FE_TRANSFER_INVALID;
  Local<ArrayBuffer> ab = v.As<ArrayBuffer>();
  if (box->for_message) {
    // Node never moves memory an addon owns (its finalizer frees it): such a buffer is copied.
    Isolate *isolate = fe::IsolateOf(rt);
    Local<v8::Private> kept = v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(isolate, "fe:untransferable"));
    if (ab->HasPrivate(fe::ContextOf(rt), kept).FromMaybe(false)) return FE_TRANSFER_KEPT;
    if (ab->WasDetached()) return FE_TRANSFER_DETACHED;
    if (!ab->IsDetachable()) return FE_TRANSFER_NOT_DETACHABLE;
    for (auto &seen : box->transfers) {
      if (seen.Get(box->isolate) == ab) return FE_TRANSFER_DUPLICATE;
    }
    box->transfers.emplace_back(fe::IsolateOf(rt), ab);
  }
  box->ser.TransferArrayBuffer(id, ab);
  return FE_TRANSFER_OK;
}

void fe_ser_treat_views_as_host_objects(fe_rt *, fe_val ser, bool mode) {
  if (SerBox *box = Ser(ser)) box->ser.SetTreatArrayBufferViewsAsHostObjects(mode);
}

fe_val fe_ser_release(fe_rt *rt, fe_val ser) {
  SerBox *box = Ser(ser);
  if (box == nullptr || box->released) return fe_bytes_new(rt, nullptr, 0);
  box->released = true;
  std::pair<uint8_t *, size_t> out = box->ser.Release();
  fe_val bytes = fe_bytes_new(rt, out.first, out.second);
  free(out.first);
  return bytes;
}

fe_msg *fe_ser_release_message(fe_rt *, fe_val ser) {
  SerBox *box = Ser(ser);
  if (box == nullptr || box->released || !box->for_message) return nullptr;
  box->released = true;
  std::pair<uint8_t *, size_t> out = box->ser.Release();
  fe_msg *msg = box->msg.release();
  msg->data.assign(out.first, out.first + out.second);
  free(out.first);
  // The transferred buffers' memory moves into the message; the sender's buffers are detached.
  for (auto &t : box->transfers) {
    Local<ArrayBuffer> ab = t.Get(box->isolate);
    msg->arrays.push_back(ab->GetBackingStore());
    ab->Detach();
  }
  box->transfers.clear();
  box->shared.clear();
  return msg;
}

fe_msg *fe_msg_copy(const fe_msg *msg) { return msg == nullptr ? nullptr : new fe_msg(*msg); }

size_t fe_msg_size(const fe_msg *msg) { return msg == nullptr ? 0 : msg->data.size(); }

void fe_msg_free(fe_msg *msg) { delete msg; }

// --- deserializer --------------------------------------------------------------------------

fe_val fe_des_new(fe_rt *rt, fe_val hooks, const void *data, size_t len) {
  const auto *p = static_cast<const uint8_t *>(data);
  auto *box = new DesBox(fe::IsolateOf(rt), std::vector<uint8_t>(p, p + len), nullptr);
  return ToVal(Wrap(rt, box, kDeserializer, FromVal(hooks)));
}

fe_val fe_des_new_message(fe_rt *rt, fe_val hooks, fe_msg *msg) {
  Isolate *isolate = fe::IsolateOf(rt);
  auto *box = new DesBox(isolate, {}, std::unique_ptr<fe_msg>(msg));
  for (size_t i = 0; i < msg->arrays.size(); i++) {
    box->des->TransferArrayBuffer(static_cast<uint32_t>(i), ArrayBuffer::New(isolate, msg->arrays[i]));
  }
  return ToVal(Wrap(rt, box, kDeserializer, FromVal(hooks)));
}

bool fe_des_is(fe_rt *, fe_val des) { return Des(des) != nullptr; }

bool fe_des_read_header(fe_rt *rt, fe_val des) {
  DesBox *box = Des(des);
  return box != nullptr && box->des->ReadHeader(fe::ContextOf(rt)).FromMaybe(false);
}

fe_val fe_des_read_value(fe_rt *rt, fe_val des) {
  DesBox *box = Des(des);
  if (box == nullptr) return nullptr;
  Local<Value> out;
  if (!box->des->ReadValue(fe::ContextOf(rt)).ToLocal(&out)) return nullptr;
  return ToVal(out);
}

bool fe_des_read_uint32(fe_rt *, fe_val des, uint32_t *out) {
  DesBox *box = Des(des);
  return box != nullptr && box->des->ReadUint32(out);
}

bool fe_des_read_uint64(fe_rt *, fe_val des, uint64_t *out) {
  DesBox *box = Des(des);
  return box != nullptr && box->des->ReadUint64(out);
}

bool fe_des_read_double(fe_rt *, fe_val des, double *out) {
  DesBox *box = Des(des);
  return box != nullptr && box->des->ReadDouble(out);
}

bool fe_des_read_raw(fe_rt *, fe_val des, size_t len, size_t *offset) {
  DesBox *box = Des(des);
  const void *data = nullptr;
  if (box == nullptr || !box->des->ReadRawBytes(len, &data)) return false;
  const std::vector<uint8_t> &all = box->msg ? box->msg->data : box->data;
  *offset = static_cast<size_t>(static_cast<const uint8_t *>(data) - all.data());
  return true;
}

bool fe_des_transfer_array_buffer(fe_rt *, fe_val des, uint32_t id, fe_val buffer) {
  DesBox *box = Des(des);
  Local<Value> v = FromVal(buffer);
  if (box == nullptr) return false;
  if (v->IsArrayBuffer()) {
    box->des->TransferArrayBuffer(id, v.As<ArrayBuffer>());
    return true;
  }
  if (v->IsSharedArrayBuffer()) {
    box->des->TransferSharedArrayBuffer(id, v.As<SharedArrayBuffer>());
    box->shared.emplace_back(id, Global<SharedArrayBuffer>(box->isolate, v.As<SharedArrayBuffer>()));
    return true;
  }
  return false;
}

uint32_t fe_des_wire_format_version(fe_rt *, fe_val des) {
  DesBox *box = Des(des);
  return box == nullptr ? 0 : box->des->GetWireFormatVersion();
}

// --- host objects --------------------------------------------------------------------------

fe_val fe_host_object_new(fe_rt *rt) {
  Local<Object> obj = fe::WrapperTemplate(rt, 1)->NewInstance(fe::ContextOf(rt)).ToLocalChecked();
  obj->SetInternalField(0, v8::Integer::New(fe::IsolateOf(rt), 0));
  return ToVal(obj);
}

bool fe_host_object_is(fe_rt *, fe_val v) {
  Local<Value> value = FromVal(v);
  return value->IsObject() && value.As<Object>()->InternalFieldCount() == 1;
}
