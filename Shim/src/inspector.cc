// inspector.cc — V8's inspector (v8-inspector.h) for a runtime: node:inspector and --inspect.
//
// Why: the inspector is C++ interfaces the embedder implements — a client per isolate that runs a
// message loop while the debugger is paused, and a channel per session that receives the
// protocol's JSON. Those cannot be implemented from Swift, so this file implements them and lets
// only JSON strings cross: a JS session's messages go to the JS function it connected with
// (called synchronously, as Node's in-process Session); a native session's (a WebSocket client,
// Swift's) go to the host's `send`. Which messages to send and when is decided by the caller.
#include "fe_v8.h"

#include "rt_internal.h"

#include <v8-inspector.h>
#include <v8.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

using v8::Context;
using v8::Function;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::String;
using v8::Value;
using v8_inspector::StringBuffer;
using v8_inspector::StringView;

namespace fe {

class Inspector;

// One connected session: the protocol's messages for it arrive here.
class Session final : public v8_inspector::V8Inspector::Channel {
 public:
  Session(Inspector *owner, int32_t id) : owner_(owner), id_(id) {}
  void sendResponse(int, std::unique_ptr<StringBuffer> message) override { Deliver(message->string()); }
  void sendNotification(std::unique_ptr<StringBuffer> message) override { Deliver(message->string()); }
  void flushProtocolNotifications() override {}
  void Deliver(const StringView &message);

  Inspector *owner_;
  int32_t id_;
  Global<Function> on_message;  // empty for a native session
  std::unique_ptr<v8_inspector::V8InspectorSession> v8;
  int dispatching = 0;       // nested dispatches running now
  bool disconnected = false;  // disconnected while dispatching: freed when the outermost returns
};

class Inspector final : public v8_inspector::V8InspectorClient {
 public:
  // `title`: the process's, which names the main context as Node's: "<title>[<pid>]".
  Inspector(fe_rt *rt, const char *title) : rt_(rt), isolate_(IsolateOf(rt)) {
    v8_ = v8_inspector::V8Inspector::create(isolate_, this);
    HandleScope scope(isolate_);
    std::string name = std::string(title) + "[" + std::to_string(getpid()) + "]";
    ContextCreated(ContextOf(rt), name, true);
  }
  ~Inspector() override {
    sessions_.clear();  // sessions before the inspector they belong to
    v8_.reset();
  }

  void ContextCreated(Local<Context> context, const std::string &name, bool is_default,
                      const std::string &origin = "") {
    v8_inspector::V8ContextInfo info(context, kGroup, View(name));
    std::string aux = is_default ? "{\"isDefault\":true}" : "{\"isDefault\":false}";
    info.auxData = View(aux);
    info.origin = View(origin);
    v8_->contextCreated(info);
  }
  void ContextDestroyed(Local<Context> context) { v8_->contextDestroyed(context); }

  int32_t Connect(Local<Function> on_message) {
    int32_t id = next_id_++;
    auto session = std::make_unique<Session>(this, id);
    if (!on_message.IsEmpty()) session->on_message.Reset(isolate_, on_message);
    Session *raw = session.get();
    sessions_[id] = std::move(session);
    raw->v8 = v8_->connect(kGroup, raw, StringView());
    return id;
  }

  bool Dispatch(int32_t id, Local<String> message) {
    auto it = sessions_.find(id);
    if (it == sessions_.end() || it->second->disconnected) return false;
    Session *session = it->second.get();
    // V8 parses 16-bit JSON as UTF-16; 8-bit would be taken as Latin-1 by some paths.
    std::vector<uint16_t> chars(static_cast<size_t>(message->Length()));
    message->Write(isolate_, chars.data(), 0, static_cast<int>(chars.size()), String::NO_NULL_TERMINATION);
    if (!session->v8) return false;
    session->dispatching++;
    session->v8->dispatchProtocolMessage(StringView(chars.data(), chars.size()));
    session->dispatching--;
    if (session->dispatching == 0 && session->disconnected) sessions_.erase(id);
    return true;
  }

  // As Node: V8's session goes at once, even from inside one of its own callbacks (V8's
  // dispatcher checks for that), and what it answers while going (commands it can no longer
  // finish) still reaches the session's consumer. The channel itself stays while dispatching.
  void Disconnect(int32_t id) {
    auto it = sessions_.find(id);
    if (it == sessions_.end() || it->second->disconnected) return;
    Session *session = it->second.get();
    session->v8.reset();
    session->disconnected = true;
    session->on_message.Reset();
    if (session->dispatching == 0) sessions_.erase(it);
  }

  bool HasNativeSession() const {
    for (const auto &entry : sessions_) {
      if (entry.second->on_message.IsEmpty() && !entry.second->disconnected) return true;
    }
    return false;
  }
  size_t SessionCount() const { return sessions_.size(); }

  // Paused at a breakpoint or a debugger statement. As Node: only a native (remote) session can
  // send the commands that resume, so with none the pause ends at once — an in-process session
  // already saw Debugger.paused, synchronously, and its listener ran inside the pause.
  void runMessageLoopOnPause(int) override {
    if (nested_) return;
    nested_ = true;
    quit_ = false;
    while (!quit_ && HasNativeSession() && host_.wait != nullptr) {
      fe_rt_pump_tasks(rt_);
      if (!host_.wait(host_.ctx, rt_)) break;
    }
    nested_ = false;
  }
  void quitMessageLoopOnPause() override { quit_ = true; }

  // As Node's inspector_async_hook: while a debugger wants async stack traces, async_hooks
  // report each callback's task here (the runtime's core.inspectorAsyncHook turns them on).
  void maxAsyncCallStackDepthChanged(int depth) override {
    HandleScope scope(isolate_);
    CallCore(ContextOf(rt_), "inspectorAsyncHook", v8::Boolean::New(isolate_, depth > 0));
  }
  // The console's command-line API gets Node's extras (`require`, from the current directory):
  // the runtime's core.inspectorConsoleExtensions adds them to V8's object.
  void installAdditionalCommandLineAPI(Local<Context> context, Local<v8::Object> api) override {
    CallCore(context, "inspectorConsoleExtensions", api);
  }
  // Calls the runtime's core.<name>(arg) from one of V8's callbacks; what it throws stays here.
  void CallCore(Local<Context> context, const char *name, Local<Value> arg) {
    Local<Value> core = FromVal(fe_rt_core(rt_));
    Local<Value> fn;
    if (!core->IsObject() ||
        !core.As<v8::Object>()->Get(context, String::NewFromUtf8(isolate_, name).ToLocalChecked()).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    v8::TryCatch try_catch(isolate_);
    (void)fn.As<Function>()->Call(context, v8::Undefined(isolate_), 1, &arg);
  }
  // Node's GetAsyncTask: V8 takes task ids as pointers, so even numbers.
  void AsyncTask(int what, int64_t id, const std::string &name, bool recurring) {
    void *task = reinterpret_cast<void *>(static_cast<intptr_t>(id << 1));
    switch (what) {
      case 0: v8_->asyncTaskScheduled(View(name), task, recurring); break;
      case 1: v8_->asyncTaskStarted(task); break;
      case 2: v8_->asyncTaskFinished(task); break;
      default: v8_->asyncTaskCanceled(task); break;
    }
  }
  void runIfWaitingForDebugger(int) override { waiting_for_debugger_ = false; }

  Local<Context> ensureDefaultContextInGroup(int) override { return ContextOf(rt_); }

  double currentTimeMS() override {
    using namespace std::chrono;
    return static_cast<double>(duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) / 1000.0;
  }

  // Scripts named by an absolute path are reported by their file: URL, as Node reports them.
  std::unique_ptr<StringBuffer> resourceNameToUrl(const StringView &name) override {
    if (name.length() == 0) return nullptr;
    std::string path;
    for (size_t i = 0; i < name.length(); i++) {
      uint16_t c = name.is8Bit() ? name.characters8()[i] : name.characters16()[i];
      if (c >= 0x80) return nullptr;  // rare; left as the name V8 has
      path.push_back(static_cast<char>(c));
    }
    if (path[0] != '/') return nullptr;
    static const char hex[] = "0123456789ABCDEF";
    std::string url = "file://";
    for (unsigned char c : path) {
      if (c <= 0x20 || c >= 0x7f || strchr("\"#%<>?`{}", c) != nullptr) {
        url.push_back('%');
        url.push_back(hex[c >> 4]);
        url.push_back(hex[c & 15]);
      } else {
        url.push_back(static_cast<char>(c));
      }
    }
    return StringBuffer::create(View(url));
  }

  // Delivers a message to its session's consumer.
  void Deliver(Session *session, const StringView &message) {
    if (session->disconnected) return;
    if (session->on_message.IsEmpty()) {
      if (host_.send == nullptr) return;
      std::string utf8;
      if (message.is8Bit()) {
        utf8.assign(reinterpret_cast<const char *>(message.characters8()), message.length());
      } else {
        HandleScope scope(isolate_);
        Local<String> s;
        if (!String::NewFromTwoByte(isolate_, message.characters16(), v8::NewStringType::kNormal,
                                    static_cast<int>(message.length()))
                 .ToLocal(&s)) {
          return;
        }
        utf8.resize(static_cast<size_t>(s->Utf8Length(isolate_)));
        s->WriteUtf8(isolate_, utf8.data(), static_cast<int>(utf8.size()), nullptr, String::NO_NULL_TERMINATION);
      }
      host_.send(host_.ctx, session->id_, utf8.data(), utf8.size());
      return;
    }
    if (isolate_->IsExecutionTerminating()) return;
    HandleScope scope(isolate_);
    Local<Context> ctx = ContextOf(rt_);
    Context::Scope context_scope(ctx);
    Local<String> text;
    bool made = message.is8Bit()
                    ? String::NewFromOneByte(isolate_, message.characters8(), v8::NewStringType::kNormal,
                                             static_cast<int>(message.length()))
                          .ToLocal(&text)
                    : String::NewFromTwoByte(isolate_, message.characters16(), v8::NewStringType::kNormal,
                                             static_cast<int>(message.length()))
                          .ToLocal(&text);
    if (!made) return;
    Local<Value> args[] = {text};
    v8::TryCatch tc(isolate_);
    (void)session->on_message.Get(isolate_)->Call(ctx, v8::Undefined(isolate_), 1, args);
  }

  void SetHost(const fe_inspector_host &host) { host_ = host; }
  // Blocks until a native session sent Runtime.runIfWaitingForDebugger (inspector.waitForDebugger()).
  bool WaitForDebugger() {
    if (host_.wait == nullptr) return false;
    waiting_for_debugger_ = true;
    while (waiting_for_debugger_) {
      fe_rt_pump_tasks(rt_);
      if (!host_.wait(host_.ctx, rt_)) break;
    }
    bool ok = !waiting_for_debugger_;
    waiting_for_debugger_ = false;
    return ok;
  }
  bool Paused() const { return nested_; }
  void PauseOnNextStatement() {
    std::string reason = "Break on start";
    for (auto &entry : sessions_) {
      if (entry.second->v8) entry.second->v8->schedulePauseOnNextStatement(View(reason), View(reason));
    }
  }
  void MainContextDestroyed() { v8_->contextDestroyed(ContextOf(rt_)); }
  // A server is listening (fe_inspector_set_host): the console reaches the inspector.
  bool HasHostListening() const { return host_.send != nullptr; }
  // A console call made while the inspector's own is running (a consoleAPICalled listener that
  // logs) goes to fe's console only, as in Node.
  bool EnterConsoleCall() {
    if (in_console_call_) return false;
    in_console_call_ = true;
    return true;
  }
  void LeaveConsoleCall() { in_console_call_ = false; }

 private:
  static constexpr int kGroup = 1;
  static StringView View(const std::string &s) {
    return StringView(reinterpret_cast<const uint8_t *>(s.data()), s.size());
  }

  fe_rt *rt_;
  Isolate *isolate_;
  std::unique_ptr<v8_inspector::V8Inspector> v8_;
  std::map<int32_t, std::unique_ptr<Session>> sessions_;
  int32_t next_id_ = 1;
  bool nested_ = false;
  bool quit_ = false;
  bool waiting_for_debugger_ = false;
  bool in_console_call_ = false;
  fe_inspector_host host_{};
};

void Session::Deliver(const StringView &message) { owner_->Deliver(this, message); }

void DisposeInspector(fe_rt *rt) {
  Inspector *&slot = InspectorSlot(rt);
  if (slot == nullptr) return;
  Isolate::Scope isolate_scope(IsolateOf(rt));
  HandleScope scope(IsolateOf(rt));
  delete slot;  // sessions disable their agents, which makes handles
  slot = nullptr;
}

namespace {

Inspector *Get(fe_rt *rt, const char *title = "node") {
  Inspector *&slot = InspectorSlot(rt);
  if (slot == nullptr) slot = new Inspector(rt, title);
  return slot;
}

}  // namespace

}  // namespace fe

int32_t fe_inspector_connect(fe_rt *rt, fe_val on_message) {
  Isolate *isolate = fe::IsolateOf(rt);
  HandleScope scope(isolate);
  Local<Function> fn;
  if (on_message != nullptr) {
    Local<Value> v = fe::FromVal(on_message);
    if (!v->IsFunction()) return 0;
    fn = v.As<Function>();
  }
  return fe::Get(rt)->Connect(fn);
}

bool fe_inspector_dispatch(fe_rt *rt, int32_t session, fe_val message) {
  Local<Value> v = fe::FromVal(message);
  if (!v->IsString()) return false;
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  return inspector != nullptr && inspector->Dispatch(session, v.As<String>());
}

bool fe_inspector_dispatch_utf8(fe_rt *rt, int32_t session, const char *json, size_t len) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  if (inspector == nullptr) return false;
  Isolate *isolate = fe::IsolateOf(rt);
  Isolate::Scope isolate_scope(isolate);
  HandleScope scope(isolate);
  Context::Scope context_scope(fe::ContextOf(rt));
  Local<String> s;
  if (!String::NewFromUtf8(isolate, json, v8::NewStringType::kNormal, static_cast<int>(len)).ToLocal(&s)) return false;
  return inspector->Dispatch(session, s);
}

void fe_inspector_disconnect(fe_rt *rt, int32_t session) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  if (inspector != nullptr) inspector->Disconnect(session);
}

size_t fe_inspector_session_count(fe_rt *rt) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  return inspector == nullptr ? 0 : inspector->SessionCount();
}

void fe_inspector_set_host(fe_rt *rt, const fe_inspector_host *host) { fe::Get(rt)->SetHost(*host); }

bool fe_inspector_wait_for_debugger(fe_rt *rt) { return fe::Get(rt)->WaitForDebugger(); }

bool fe_inspector_paused(fe_rt *rt) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  return inspector != nullptr && inspector->Paused();
}

bool fe_inspector_console_enter(fe_rt *rt) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  return inspector != nullptr && (inspector->SessionCount() > 0 || inspector->HasHostListening()) &&
         inspector->EnterConsoleCall();
}

void fe_inspector_console_leave(fe_rt *rt) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  if (inspector != nullptr) inspector->LeaveConsoleCall();
}

void fe_inspector_pause_on_next_statement(fe_rt *rt) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  if (inspector != nullptr) inspector->PauseOnNextStatement();
}

void fe_inspector_main_context_destroyed(fe_rt *rt) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  if (inspector == nullptr) return;
  HandleScope scope(fe::IsolateOf(rt));
  inspector->MainContextDestroyed();
}

void fe_inspector_start(fe_rt *rt, const char *title) {
  Isolate *isolate = fe::IsolateOf(rt);
  Isolate::Scope isolate_scope(isolate);
  HandleScope scope(isolate);
  fe::Get(rt, title);
}

bool fe_inspector_context_created(fe_rt *rt, fe_val global, const char *name, const char *origin) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  Local<Value> v = fe::FromVal(global);
  if (inspector == nullptr || !v->IsObject()) return false;
  Local<Context> context;
  if (!v.As<v8::Object>()->GetCreationContext().ToLocal(&context)) return false;
  inspector->ContextCreated(context, name, false, origin);
  return true;
}

void fe_inspector_async_task(fe_rt *rt, int what, double id, const char *name, bool recurring) {
  fe::Inspector *inspector = fe::InspectorSlot(rt);
  if (inspector != nullptr) inspector->AsyncTask(what, static_cast<int64_t>(id), name ? name : "", recurring);
}
