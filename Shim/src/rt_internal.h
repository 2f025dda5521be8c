// rt_internal.h — what the shim's other files need of a runtime (fe_v8.cc owns struct fe_rt).
#pragma once

#include "fe_v8.h"

#include <v8.h>

#include <cstring>

namespace fe {

// A Local<T> is one pointer and fe_val is that pointer (checked in fe_v8.cc).
inline fe_val ToVal(v8::Local<v8::Data> v) {
  fe_val out;
  memcpy(&out, &v, sizeof out);
  return out;
}
template <typename T = v8::Value>
inline v8::Local<T> FromVal(fe_val v) {
  v8::Local<T> out;
  memcpy(static_cast<void *>(&out), &v, sizeof out);
  return out;
}

v8::Isolate *IsolateOf(fe_rt *rt);
v8::Local<v8::Context> ContextOf(fe_rt *rt);
// An object template with `fields` internal fields (1 or 2), made once per runtime. V8's
// serializer hands objects with internal fields to its delegate's WriteHostObject.
v8::Local<v8::ObjectTemplate> WrapperTemplate(fe_rt *rt, int fields);

// The runtime's inspector (inspector.cc), made on first use; NULL until then.
class Inspector;
Inspector *&InspectorSlot(fe_rt *rt);
void DisposeInspector(fe_rt *rt);

}  // namespace fe
