// async.cc — Node-API work off the JS thread and back: async work on a thread pool, thread-safe
// functions, napi_async_init/napi_make_callback and callback scopes.
//
// Both async work and thread-safe functions hand results back through the host's post (the
// runtime's event loop), so their callbacks run on the JS thread as macrotasks of their own,
// followed by nextTicks and microtasks like any other.
#include <condition_variable>
#include <deque>
#include <thread>

#include "napi_env.h"

using v8::Local;
using v8::Value;

using namespace fe_napi;

// --- async work ------------------------------------------------------------------------------

struct napi_async_work__ {
  napi_env env;
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void *data;
  napi_status status = napi_ok;
  v8::Global<Value> ids;  // async_hooks' [asyncId, triggerAsyncId]
  v8::Global<Value> resource;
};

namespace {

// async_hooks' before/after around a callback of `ids` (no-ops without hooks).
struct AsyncScope {
  AsyncScope(napi_env env, const v8::Global<Value> &ids, const v8::Global<Value> &resource) : env(env) {
    if (ids.IsEmpty()) return;
    this->ids = ids.Get(env->isolate);
    Local<Value> r = resource.IsEmpty() ? Local<Value>(v8::Object::New(env->isolate)) : resource.Get(env->isolate);
    Local<Value> argv[] = {this->ids, r};
    CallHook(env, "asyncEnter", 2, argv);
    env->async_depth++;
  }
  ~AsyncScope() {
    if (ids.IsEmpty()) return;
    Local<Value> argv[] = {ids};
    CallHook(env, "asyncLeave", 1, argv);
    if (--env->async_depth == 0) FlushDestroys(env);
  }
  static void FlushDestroys(napi_env env) {
    std::vector<v8::Global<Value>> ids;
    ids.swap(env->pending_destroys);
    for (auto &id : ids) {
      Local<Value> argv[] = {id.Get(env->isolate)};
      CallHook(env, "asyncDestroy", 1, argv);
    }
  }
  napi_env env;
  Local<Value> ids;
};

// Node's EmitAsyncInit: `resource` (an object made when the addon gives none) and its type name.
void AsyncInit(napi_env env, napi_value resource, napi_value name, v8::Global<Value> *ids,
               v8::Global<Value> *keep) {
  Local<v8::Context> ctx = env->ctx();
  Local<v8::Object> r;
  if (resource == nullptr || !V8Value(resource)->ToObject(ctx).ToLocal(&r)) r = v8::Object::New(env->isolate);
  Local<v8::String> type;
  if (name == nullptr || !V8Value(name)->ToString(ctx).ToLocal(&type)) type = v8::String::Empty(env->isolate);
  Local<Value> argv[] = {r, type};
  Local<Value> out = CallHook(env, "asyncInit", 2, argv);
  if (!out.IsEmpty()) ids->Reset(env->isolate, out);
  keep->Reset(env->isolate, r);
}

void AsyncDestroy(napi_env env, const v8::Global<Value> &ids) {
  if (ids.IsEmpty()) return;
  v8::HandleScope scope(env->isolate);
  if (env->async_depth > 0) {
    // Inside that resource's own callback (napi_delete_async_work in complete): after first.
    env->pending_destroys.emplace_back(env->isolate, ids.Get(env->isolate));
    return;
  }
  Local<Value> argv[] = {ids.Get(env->isolate)};
  CallHook(env, "asyncDestroy", 1, argv);
}

}  // namespace

namespace {

// libuv's default pool size (UV_THREADPOOL_SIZE), as Node runs async work on it.
class Pool {
 public:
  void Submit(napi_async_work w) {
    std::lock_guard<std::mutex> lock(mu_);
    if (threads_.empty()) {
      for (int i = 0; i < 4; i++) threads_.emplace_back([this] { Run(); });
      for (auto &t : threads_) t.detach();
    }
    queue_.push_back(w);
    cond_.notify_one();
  }
  // Takes the work out if no thread started it yet.
  bool Cancel(napi_async_work w) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
      if (*it == w) {
        queue_.erase(it);
        return true;
      }
    }
    return false;
  }

 private:
  void Run() {
    for (;;) {
      napi_async_work w;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cond_.wait(lock, [this] { return !queue_.empty(); });
        w = queue_.front();
        queue_.pop_front();
      }
      w->execute(w->env, w->data);
      Post(w->env, Complete, w, true);
    }
  }

  static void Complete(void *arg) {
    napi_async_work w = static_cast<napi_async_work>(arg);
    napi_env env = w->env;
    DrainUv(env);
    if (w->complete != nullptr) {
      AsyncScope scope(env, w->ids, w->resource);
      CallIntoModule(env, [&](napi_env e) { w->complete(e, w->status, w->data); }, UncaughtEnforced);
    }
    EnvUnref(env);
  }

  std::mutex mu_;
  std::condition_variable cond_;
  std::deque<napi_async_work> queue_;
  std::vector<std::thread> threads_;
};

Pool &ThePool() {
  static Pool *pool = new Pool();  // never destroyed: its threads outlive main()
  return *pool;
}

void CompleteCancelled(void *arg) {
  napi_async_work w = static_cast<napi_async_work>(arg);
  napi_env env = w->env;
  if (w->complete != nullptr) {
    AsyncScope scope(env, w->ids, w->resource);
    CallIntoModule(env, [&](napi_env e) { w->complete(e, napi_cancelled, w->data); }, UncaughtEnforced);
  }
  EnvUnref(env);
}

}  // namespace

// --- thread-safe functions --------------------------------------------------------------------

struct napi_threadsafe_function__ {
  napi_env env;
  std::mutex mu;
  std::condition_variable cond;
  std::deque<void *> queue;
  size_t max_queue_size;
  size_t thread_count;
  bool is_closing = false;
  bool handles_closing = false;
  bool dispatch_posted = false;
  bool refed = true;
  v8::Global<v8::Function> fn;
  void *finalize_data;
  napi_finalize finalize_cb;
  void *context;
  napi_threadsafe_function_call_js call_js;

  // Wakes the loop to dispatch (any thread; mu held).
  void Send() {
    if (dispatch_posted) return;
    dispatch_posted = true;
    Post(env, Dispatch, this, false);
  }

  static void Dispatch(void *arg) {
    auto *t = static_cast<napi_threadsafe_function__ *>(arg);
    {
      std::lock_guard<std::mutex> lock(t->mu);
      t->dispatch_posted = false;
    }
    // Node dispatches at most 1000 calls a turn, then lets the loop breathe.
    for (int i = 0; i < 1000; i++) {
      bool more = false;
      if (!t->DispatchOne(&more)) return;  // deleted
      if (!more) return;
    }
    std::lock_guard<std::mutex> lock(t->mu);
    t->Send();
  }

  // Calls one queued item; false when the function closed (and is gone).
  bool DispatchOne(bool *more) {
    void *data = nullptr;
    bool popped = false;
    bool close = false;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (is_closing) {
        close = true;
      } else {
        size_t size = queue.size();
        if (size > 0) {
          data = queue.front();
          queue.pop_front();
          popped = true;
          if (size == max_queue_size && max_queue_size > 0) cond.notify_one();
          size--;
        }
        if (size == 0 && thread_count == 0) {
          is_closing = true;
          if (max_queue_size > 0) cond.notify_all();
          close = true;
        }
        *more = size > 0;
      }
    }
    if (popped) {
      DrainUv(env);
      v8::HandleScope scope(env->isolate);
      napi_value f = fn.IsEmpty() ? nullptr : JsValue(fn.Get(env->isolate));
      CallIntoModule(env, [&](napi_env e) { call_js(e, f, context, data); }, UncaughtByPolicy);
    }
    if (close) {
      Close();
      return false;
    }
    return true;
  }

  // The end: the finalizer, then every item still queued goes to call_js with no env, then free.
  void Close() {
    if (handles_closing) return;
    handles_closing = true;
    if (refed) RefLoop(env, -1);
    napi_env e = env;
    if (finalize_cb != nullptr) {
      v8::HandleScope scope(e->isolate);
      CallFinalizer(e, finalize_cb, finalize_data, context, false);
    }
    for (; !queue.empty(); queue.pop_front()) call_js(nullptr, nullptr, context, queue.front());
    Unlist();
    delete this;
    EnvUnref(e);
  }

  void Unlist();

  static void DefaultCallJs(napi_env env, napi_value cb, void *, void *) {
    if (env == nullptr || cb == nullptr) return;
    napi_value recv;
    napi_get_undefined(env, &recv);
    napi_status s = napi_call_function(env, recv, cb, 0, nullptr, nullptr);
    if (s != napi_ok && s != napi_pending_exception) {
      napi_throw_error(env, "ERR_NAPI_TSFN_CALL_JS", "Failed to call JS callback");
    }
  }
};

namespace {
// Every live thread-safe function of each env: closed at teardown.
std::mutex g_tsfn_mu;
std::vector<napi_threadsafe_function> g_tsfns;
}  // namespace

void napi_threadsafe_function__::Unlist() {
  std::lock_guard<std::mutex> lock(g_tsfn_mu);
  for (auto it = g_tsfns.begin(); it != g_tsfns.end(); ++it) {
    if (*it == this) {
      g_tsfns.erase(it);
      return;
    }
  }
}

namespace fe_napi {
void CloseThreadsafeFunctions(napi_env env) {
  std::vector<napi_threadsafe_function> mine;
  {
    std::lock_guard<std::mutex> lock(g_tsfn_mu);
    for (auto t : g_tsfns) {
      if (t->env == env) mine.push_back(t);
    }
  }
  for (auto t : mine) {
    {
      std::lock_guard<std::mutex> lock(t->mu);
      t->is_closing = true;
      if (t->max_queue_size > 0) t->cond.notify_all();
    }
    t->Close();
  }
}
}  // namespace fe_napi

// --- async contexts and callback scopes ------------------------------------------------------

struct napi_async_context__ {
  v8::Global<Value> resource;  // weak, as Node's: the context does not keep it alive
  v8::Global<Value> ids;
};

struct napi_callback_scope__ {
  v8::Global<Value> ids;  // the context's async ids: async_hooks' after when the scope closes
};

extern "C" {

napi_status napi_create_async_work(napi_env env, napi_value async_resource, napi_value async_resource_name,
                                   napi_async_execute_callback execute, napi_async_complete_callback complete,
                                   void *data, napi_async_work *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, execute);
  FE_CHECK_ARG(env, result);
  auto *w = new napi_async_work__{env, execute, complete, data};
  AsyncInit(env, async_resource, async_resource_name, &w->ids, &w->resource);
  *result = w;
  return ClearLastError(env);
}

napi_status napi_delete_async_work(napi_env env, napi_async_work work) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, work);
  AsyncDestroy(env, work->ids);
  delete work;
  return ClearLastError(env);
}

napi_status napi_queue_async_work(napi_env env, napi_async_work work) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, work);
  work->status = napi_ok;
  RefLoop(env, 1);
  EnvRef(env);
  ThePool().Submit(work);
  return ClearLastError(env);
}

napi_status napi_cancel_async_work(napi_env env, napi_async_work work) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, work);
  if (!ThePool().Cancel(work)) return SetLastError(env, napi_generic_failure);
  work->status = napi_cancelled;
  Post(env, CompleteCancelled, work, true);
  return ClearLastError(env);
}

napi_status napi_create_threadsafe_function(napi_env env, napi_value func, napi_value async_resource,
                                            napi_value async_resource_name, size_t max_queue_size,
                                            size_t initial_thread_count, void *thread_finalize_data,
                                            napi_finalize thread_finalize_cb, void *context,
                                            napi_threadsafe_function_call_js call_js_cb,
                                            napi_threadsafe_function *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, async_resource_name);
  FE_RETURN_IF_FALSE(env, initial_thread_count > 0, napi_invalid_arg);
  FE_CHECK_ARG(env, result);
  (void)async_resource;
  Local<v8::Function> fn;
  if (func == nullptr) {
    FE_CHECK_ARG(env, call_js_cb);
  } else {
    FE_TO_FUNCTION(env, fn, func);
  }
  auto *t = new napi_threadsafe_function__();
  t->env = env;
  t->max_queue_size = max_queue_size;
  t->thread_count = initial_thread_count;
  if (!fn.IsEmpty()) t->fn.Reset(env->isolate, fn);
  t->finalize_data = thread_finalize_data;
  t->finalize_cb = thread_finalize_cb;
  t->context = context;
  t->call_js = call_js_cb != nullptr ? call_js_cb : napi_threadsafe_function__::DefaultCallJs;
  RefLoop(env, 1);
  EnvRef(env);
  {
    std::lock_guard<std::mutex> lock(g_tsfn_mu);
    g_tsfns.push_back(t);
  }
  *result = t;
  return ClearLastError(env);
}

napi_status napi_get_threadsafe_function_context(napi_threadsafe_function func, void **result) {
  if (func == nullptr || result == nullptr) return napi_invalid_arg;
  *result = func->context;
  return napi_ok;
}

napi_status napi_call_threadsafe_function(napi_threadsafe_function func, void *data,
                                          napi_threadsafe_function_call_mode is_blocking) {
  if (func == nullptr) return napi_invalid_arg;
  std::unique_lock<std::mutex> lock(func->mu);
  while (func->max_queue_size > 0 && func->queue.size() >= func->max_queue_size && !func->is_closing) {
    if (is_blocking == napi_tsfn_nonblocking) return napi_queue_full;
    func->cond.wait(lock);
  }
  if (func->is_closing) {
    if (func->thread_count == 0) return napi_invalid_arg;
    func->thread_count--;
    return napi_closing;
  }
  func->queue.push_back(data);
  func->Send();
  return napi_ok;
}

napi_status napi_acquire_threadsafe_function(napi_threadsafe_function func) {
  if (func == nullptr) return napi_invalid_arg;
  std::lock_guard<std::mutex> lock(func->mu);
  if (func->is_closing) return napi_closing;
  func->thread_count++;
  return napi_ok;
}

napi_status napi_release_threadsafe_function(napi_threadsafe_function func,
                                             napi_threadsafe_function_release_mode mode) {
  if (func == nullptr) return napi_invalid_arg;
  std::lock_guard<std::mutex> lock(func->mu);
  if (func->thread_count == 0) return napi_invalid_arg;
  func->thread_count--;
  if (func->thread_count == 0 || mode == napi_tsfn_abort) {
    if (!func->is_closing) {
      func->is_closing = mode == napi_tsfn_abort;
      if (func->is_closing && func->max_queue_size > 0) func->cond.notify_all();
      func->Send();
    }
  }
  return napi_ok;
}

napi_status napi_unref_threadsafe_function(napi_env env, napi_threadsafe_function func) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, func);
  if (func->refed && !func->handles_closing) {
    func->refed = false;
    RefLoop(env, -1);
  }
  return ClearLastError(env);
}

napi_status napi_ref_threadsafe_function(napi_env env, napi_threadsafe_function func) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, func);
  if (!func->refed && !func->handles_closing) {
    func->refed = true;
    RefLoop(env, 1);
  }
  return ClearLastError(env);
}

napi_status napi_async_init(napi_env env, napi_value async_resource, napi_value async_resource_name,
                            napi_async_context *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, async_resource_name);
  FE_CHECK_ARG(env, result);
  auto *c = new napi_async_context__();
  AsyncInit(env, async_resource, async_resource_name, &c->ids, &c->resource);
  c->resource.SetWeak();
  *result = c;
  return ClearLastError(env);
}

napi_status napi_async_destroy(napi_env env, napi_async_context async_context) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, async_context);
  AsyncDestroy(env, async_context->ids);
  delete async_context;
  return ClearLastError(env);
}

napi_status napi_make_callback(napi_env env, napi_async_context async_context, napi_value recv, napi_value func,
                               size_t argc, const napi_value *argv, napi_value *result) {
  FE_PREAMBLE(env);
  FE_CHECK_ARG(env, recv);
  if (argc > 0) FE_CHECK_ARG(env, argv);
  Local<v8::Function> fn;
  FE_TO_FUNCTION(env, fn, func);
  Local<v8::Object> recv_obj;
  if (!V8Value(recv)->ToObject(env->ctx()).ToLocal(&recv_obj)) return SetLastError(env, napi_object_expected);
  static const v8::Global<Value> kNone;
  v8::MaybeLocal<Value> out;
  {
    AsyncScope scope(env, async_context != nullptr ? async_context->ids : kNone,
                     async_context != nullptr ? async_context->resource : kNone);
    out = fn->Call(env->ctx(), recv_obj, static_cast<int>(argc),
                   reinterpret_cast<Local<Value> *>(const_cast<napi_value *>(argv)));
  }
  if (try_catch.HasCaught()) return SetLastError(env, napi_pending_exception);
  // As Node's InternalCallbackScope: the outermost callback runs the nextTick queue and microtasks.
  if (env->open_callback_scopes == 0 && env->js_depth == 0) RunTicks(env);
  if (try_catch.HasCaught()) return SetLastError(env, napi_pending_exception);
  if (result != nullptr) {
    Local<Value> v;
    FE_TO_LOCAL(env, v, out, napi_generic_failure);
    *result = JsValue(v);
  }
  return ClearLastError(env);
}

napi_status napi_open_callback_scope(napi_env env, napi_value resource_object, napi_async_context context,
                                     napi_callback_scope *result) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, result);
  // As Node's CallbackScope: async_hooks' before for the context (its resource, or the one
  // given when the context's was collected), after when the scope closes.
  auto *scope = new napi_callback_scope__();
  if (context != nullptr && !context->ids.IsEmpty()) {
    v8::HandleScope hs(env->isolate);
    Local<Value> ids = context->ids.Get(env->isolate);
    Local<Value> resource;
    if (!context->resource.IsEmpty()) resource = context->resource.Get(env->isolate);
    else if (resource_object != nullptr) resource = V8Value(resource_object);
    else resource = v8::Object::New(env->isolate);
    Local<Value> argv[] = {ids, resource};
    CallHook(env, "asyncEnter", 2, argv);
    scope->ids.Reset(env->isolate, ids);
  }
  env->open_callback_scopes++;
  *result = scope;
  return ClearLastError(env);
}

napi_status napi_close_callback_scope(napi_env env, napi_callback_scope scope) {
  FE_CHECK_ENV(env);
  FE_CHECK_ARG(env, scope);
  if (env->open_callback_scopes == 0) return napi_callback_scope_mismatch;
  env->open_callback_scopes--;
  // As Node's InternalCallbackScope::Close: a scope whose callback threw (the exception still
  // pending) neither emits after nor runs the tick queue; the uncaught-exception path follows.
  bool failed = !env->last_exception.IsEmpty();
  if (!failed && !scope->ids.IsEmpty()) {
    v8::HandleScope hs(env->isolate);
    Local<Value> argv[] = {scope->ids.Get(env->isolate)};
    CallHook(env, "asyncLeave", 1, argv);
  }
  delete scope;
  if (!failed && env->open_callback_scopes == 0 && env->js_depth == 0) RunTicks(env);
  return ClearLastError(env);
}

}  // extern "C"
