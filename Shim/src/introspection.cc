// introspection.cc — what V8 knows about a value that JavaScript cannot see: the class name in an
// object's map, a proxy's target and handler, externals, private symbols. Node's util binding
// (getConstructorName, getProxyDetails, getExternalValue, privateSymbols) and util.inspect use
// them; asking through JavaScript would run a proxy's traps or user getters.
#include "rt_internal.h"

using fe::FromVal;
using fe::ToVal;

fe_val fe_constructor_name(fe_rt *rt, fe_val obj) {
  v8::Local<v8::Value> v = FromVal(obj);
  if (!v->IsObject()) return ToVal(v8::String::Empty(fe::IsolateOf(rt)));
  return ToVal(v.As<v8::Object>()->GetConstructorName());
}

bool fe_proxy_details(fe_rt *rt, fe_val value, fe_val *target, fe_val *handler) {
  v8::Local<v8::Value> v = FromVal(value);
  if (!v->IsProxy()) return false;
  v8::Local<v8::Proxy> proxy = v.As<v8::Proxy>();
  *target = ToVal(proxy->GetTarget());
  *handler = ToVal(proxy->GetHandler());
  return true;
}

fe_val fe_external_new(fe_rt *rt, void *pointer) { return ToVal(v8::External::New(fe::IsolateOf(rt), pointer)); }

bool fe_external_value(fe_rt *, fe_val value, uintptr_t *out) {
  v8::Local<v8::Value> v = FromVal(value);
  if (!v->IsExternal()) return false;
  *out = reinterpret_cast<uintptr_t>(v.As<v8::External>()->Value());
  return true;
}

// A private symbol is a Symbol V8 hides from every reflection (Reflect.ownKeys, proxies); Node
// hands its own to JavaScript as values, which is what a Local<Private> points at.
fe_val fe_private_symbol(fe_rt *rt, const char *name) {
  v8::Isolate *isolate = fe::IsolateOf(rt);
  v8::Local<v8::String> description = v8::String::NewFromUtf8(isolate, name).ToLocalChecked();
  return ToVal(v8::Private::ForApi(isolate, description));
}

// Whether a typed array or DataView has its ArrayBuffer yet: V8 keeps small ones on its heap
// until `.buffer` is read (Node's arrayBufferViewHasBuffer).
bool fe_view_has_buffer(fe_rt *, fe_val view) {
  v8::Local<v8::Value> v = FromVal(view);
  return v->IsArrayBufferView() && v.As<v8::ArrayBufferView>()->HasBuffer();
}

// Where V8 would say an error value was thrown had it been reported uncaught (Exception::
// CreateMessage): the throw site V8 recorded for its own errors, else the top frame of the stack
// the error captured when it was made. Node prints this source line for uncaught errors from
// promises and callbacks.
bool fe_error_location(fe_rt *rt, fe_val error, fe_val *file, int *line, int *column, int *end_column, fe_val *source_line) {
  v8::Isolate *isolate = fe::IsolateOf(rt);
  v8::Local<v8::Context> context = fe::ContextOf(rt);
  v8::Local<v8::Message> msg = v8::Exception::CreateMessage(isolate, FromVal(error));
  if (msg.IsEmpty()) return false;
  int n = msg->GetLineNumber(context).FromMaybe(0);
  if (n <= 0) return false;
  *file = ToVal(msg->GetScriptResourceName());
  *line = n;
  *column = msg->GetStartColumn(context).FromMaybe(-1) + 1;
  *end_column = msg->GetEndColumn(context).FromMaybe(-1);
  v8::Local<v8::String> s;
  *source_line = msg->GetSourceLine(context).ToLocal(&s) ? ToVal(s) : ToVal(v8::Undefined(isolate));
  return true;
}

// V8's preview of a collection's or iterator's entries (Object::PreviewEntries): what a Map or
// Set iterator has left, without advancing it, or what a WeakMap or WeakSet holds now. NULL for
// anything else; *key_value says whether they come as key, value pairs.
fe_val fe_preview_entries(fe_rt *, fe_val obj, bool *key_value) {
  v8::Local<v8::Value> v = FromVal(obj);
  v8::Local<v8::Array> out;
  if (!v->IsObject() || !v.As<v8::Object>()->PreviewEntries(key_value).ToLocal(&out)) return nullptr;
  return ToVal(out);
}
