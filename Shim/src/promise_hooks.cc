// promise_hooks.cc — V8's per-context promise hooks, for async_hooks and AsyncLocalStorage.
//
// Why: a promise's reactions run from V8's microtask queue, which JavaScript cannot observe; the
// context a continuation belongs to (its AsyncLocalStorage stores, its async ids) can only be
// carried across by hooks V8 calls when a promise is created, before and after its reactions
// run, and when it is resolved. Context::SetPromiseHooks takes plain JS functions (V8 calls them
// from generated code, cheaply), as Node 18 does. Kept apart from fe_v8.cc: a forwarder only.
#include "fe_v8.h"

#include <v8.h>

#include <cstring>

namespace {

template <typename T = v8::Value>
inline v8::Local<T> Loc(fe_val v) {
  v8::Local<T> out;
  if (v != nullptr) memcpy(static_cast<void *>(&out), &v, sizeof out);
  return out;
}

// A function argument, or an empty handle (which clears that hook).
inline v8::Local<v8::Function> Hook(fe_val v) {
  v8::Local<v8::Value> value = Loc(v);
  if (value.IsEmpty() || !value->IsFunction()) return v8::Local<v8::Function>();
  return value.As<v8::Function>();
}

}  // namespace

void fe_rt_set_promise_hooks(fe_rt *, fe_val init, fe_val before, fe_val after, fe_val resolve) {
  // Always called from an op: the runtime's isolate and context are entered.
  v8::Isolate *isolate = v8::Isolate::GetCurrent();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  context->SetPromiseHooks(Hook(init), Hook(before), Hook(after), Hook(resolve));
}
