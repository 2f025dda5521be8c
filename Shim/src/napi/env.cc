// env.cc — loading Node-API addons and the life of their environments (fe_napi.h): dlopen, the
// two registration paths, one napi_env per load, the host's loop hooks, env teardown (cleanup
// hooks, thread-safe functions, finalizers, instance data), and the node_api.h calls about the
// environment itself (version, file name, libuv loop, cleanup hooks).
#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <elf.h>

#include <map>
#include <thread>

#include "napi_env.h"

using v8::Local;
using v8::Value;

namespace fe_napi {

fe_napi_host g_host{};

void Post(napi_env env, void (*fn)(void *), void *arg, bool keep_alive) {
  g_host.post(env->rt, fn, arg, keep_alive);
}
void RefLoop(napi_env env, int delta) { g_host.ref(env->rt, delta); }
void EnvRef(napi_env env) { env->refs++; }
void EnvUnref(napi_env env) { env->refs--; }

void RunTicks(napi_env env) {
  if (env->tick.IsEmpty()) return;
  (void)env->tick.Get(env->isolate)->Call(env->ctx(), v8::Undefined(env->isolate), 0, nullptr);
}

}  // namespace fe_napi

using namespace fe_napi;

namespace {

// The modules registered by a static constructor during dlopen (napi_module_register), by
// handle: a second load of the same file (another runtime, a worker) runs no constructor again.
thread_local napi_module *t_pending = nullptr;
std::mutex g_mu;
std::map<void *, napi_module *> g_modules;
std::map<fe_rt *, std::vector<napi_env>> g_envs;

// --- ELF checks: why a load would fail, in words (before dlopen gives its own) ----------------

struct ElfFacts {
  bool elf = false;
  bool is64 = false;
  bool napi_entry = false;       // defines napi_register_module_v1
  bool napi_register = false;    // calls napi_module_register (legacy constructor path)
  std::string node_abi;          // a node_register_module_v* it defines (Node's C++ ABI)
  std::vector<std::string> napi_undefined;  // napi_*/node_api_* it needs
};

ElfFacts ReadElf(const char *path) {
  ElfFacts f;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return f;
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(Elf64_Ehdr))) {
    close(fd);
    return f;
  }
  size_t size = static_cast<size_t>(st.st_size);
  void *map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return f;
  const uint8_t *b = static_cast<const uint8_t *>(map);
  if (memcmp(b, ELFMAG, SELFMAG) == 0) {
    f.elf = true;
    f.is64 = b[EI_CLASS] == ELFCLASS64;
  }
  if (f.is64) {
    const Elf64_Ehdr *eh = reinterpret_cast<const Elf64_Ehdr *>(b);
    if (eh->e_shoff != 0 && eh->e_shoff + static_cast<size_t>(eh->e_shnum) * sizeof(Elf64_Shdr) <= size) {
      const Elf64_Shdr *sh = reinterpret_cast<const Elf64_Shdr *>(b + eh->e_shoff);
      for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_DYNSYM || sh[i].sh_link >= eh->e_shnum) continue;
        const Elf64_Shdr &strs = sh[sh[i].sh_link];
        if (sh[i].sh_offset + sh[i].sh_size > size || strs.sh_offset + strs.sh_size > size) break;
        const Elf64_Sym *syms = reinterpret_cast<const Elf64_Sym *>(b + sh[i].sh_offset);
        size_t n = sh[i].sh_size / sizeof(Elf64_Sym);
        const char *names = reinterpret_cast<const char *>(b + strs.sh_offset);
        for (size_t k = 0; k < n; k++) {
          if (syms[k].st_name >= strs.sh_size) continue;
          std::string name(names + syms[k].st_name, strnlen(names + syms[k].st_name, strs.sh_size - syms[k].st_name));
          bool defined = syms[k].st_shndx != SHN_UNDEF;
          if (defined && name == "napi_register_module_v1") f.napi_entry = true;
          if (!defined && name == "napi_module_register") f.napi_register = true;
          if (defined && name.rfind("node_register_module_v", 0) == 0) f.node_abi = name;
          if (!defined && (name.rfind("napi_", 0) == 0 || name.rfind("node_api_", 0) == 0)) {
            f.napi_undefined.push_back(name);
          }
        }
      }
    }
  }
  munmap(map, size);
  return f;
}

char *Message(const std::string &s) { return strdup(s.c_str()); }

std::string FileUrl(const char *path) {
  std::string out = "file://";
  static const char *hex = "0123456789ABCDEF";
  for (const char *p = path; *p; p++) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (isalnum(c) || strchr("/-._~!$&'()*+,;=:@", c) != nullptr) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

napi_env NewEnv(fe_rt *rt, const char *path, int32_t api_version, Local<v8::Object> hooks) {
  v8::Isolate *isolate = fe::IsolateOf(rt);
  Local<v8::Context> ctx = fe::ContextOf(rt);
  napi_env env = new napi_env__();
  env->isolate = isolate;
  env->rt = rt;
  env->context.Reset(isolate, ctx);
  env->module_api_version = api_version;
  env->filename = FileUrl(path);
  env->wrap_key.Reset(isolate, v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(isolate, "fe:napi:wrap")));
  env->tag_key.Reset(isolate, v8::Private::ForApi(isolate, v8::String::NewFromUtf8Literal(isolate, "fe:napi:tag")));
  auto hook = [&](const char *name) -> Local<Value> {
    Local<Value> v;
    if (!hooks->Get(ctx, v8::String::NewFromUtf8(isolate, name).ToLocalChecked()).ToLocal(&v)) return Local<Value>();
    return v;
  };
  Local<Value> v = hook("uncaught");
  if (!v.IsEmpty() && v->IsFunction()) env->on_uncaught.Reset(isolate, v.As<v8::Function>());
  v = hook("tick");
  if (!v.IsEmpty() && v->IsFunction()) env->tick.Reset(isolate, v.As<v8::Function>());
  env->hooks.Reset(isolate, hooks);
  v = hook("bufferPrototype");
  if (!v.IsEmpty() && v->IsObject()) env->buffer_proto.Reset(isolate, v.As<v8::Object>());
  std::lock_guard<std::mutex> lock(g_mu);
  g_envs[rt].push_back(env);
  return env;
}

// --- libuv for addons (napi_get_uv_event_loop) ----------------------------------------------
// Each env that asks gets a real uv_loop_t, folded into fe's loop: a thread waits on the uv
// loop's backend fd (or its next timer) and posts one `uv_run(NOWAIT)` turn at a time to the JS
// thread; while the uv loop has live handles it keeps fe's loop alive. libuv itself is the one
// libnode already maps, called through dlsym so fe does not link it.

struct Uv {
  size_t (*loop_size)();
  int (*loop_init)(void *);
  int (*run)(void *, int);
  int (*backend_fd)(const void *);
  int (*backend_timeout)(const void *);
  int (*loop_alive)(const void *);
  bool ok = false;
};

Uv &TheUv() {
  static Uv uv = [] {
    Uv u{};
    u.loop_size = reinterpret_cast<size_t (*)()>(dlsym(RTLD_DEFAULT, "uv_loop_size"));
    u.loop_init = reinterpret_cast<int (*)(void *)>(dlsym(RTLD_DEFAULT, "uv_loop_init"));
    u.run = reinterpret_cast<int (*)(void *, int)>(dlsym(RTLD_DEFAULT, "uv_run"));
    u.backend_fd = reinterpret_cast<int (*)(const void *)>(dlsym(RTLD_DEFAULT, "uv_backend_fd"));
    u.backend_timeout = reinterpret_cast<int (*)(const void *)>(dlsym(RTLD_DEFAULT, "uv_backend_timeout"));
    u.loop_alive = reinterpret_cast<int (*)(const void *)>(dlsym(RTLD_DEFAULT, "uv_loop_alive"));
    u.ok = u.loop_size && u.loop_init && u.run && u.backend_fd && u.backend_timeout && u.loop_alive;
    return u;
  }();
  return uv;
}

struct UvPump {
  napi_env env;
  std::mutex mu;
  std::condition_variable cond;
  bool turn_pending = false;
  bool refed = false;
  bool stop = false;
};
std::map<napi_env, UvPump *> g_pumps;

void UvTurn(void *arg) {
  UvPump *p = static_cast<UvPump *>(arg);
  napi_env env = p->env;
  TheUv().run(env->uv_loop, 2 /* UV_RUN_NOWAIT */);
  SyncUvLoop(env);
  std::lock_guard<std::mutex> lock(p->mu);
  p->turn_pending = false;
  p->cond.notify_all();
}

void PumpThread(UvPump *p) {
  Uv &uv = TheUv();
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(p->mu);
      p->cond.wait(lock, [p] { return !p->turn_pending || p->stop; });
      if (p->stop) return;
    }
    void *loop = p->env->uv_loop;
    int timeout = uv.backend_timeout(loop);
    if (timeout < 0 || timeout > 10) timeout = 10;  // handles added from JS are seen within 10 ms
    struct pollfd pfd{uv.backend_fd(loop), POLLIN, 0};
    int ready = poll(&pfd, 1, timeout);
    std::lock_guard<std::mutex> lock(p->mu);
    if (p->stop) return;
    if (ready > 0 || uv.loop_alive(loop)) {
      p->turn_pending = true;
      Post(p->env, UvTurn, p, false);
    }
  }
}

void CallCleanupHooks(napi_env env) {
  while (!env->cleanup_hooks.empty()) {
    napi_env__::Hook h = env->cleanup_hooks.back();
    env->cleanup_hooks.pop_back();
    if (h.async != nullptr) {
      reinterpret_cast<void (*)(napi_async_cleanup_hook_handle, void *)>(h.fn)(h.async, h.arg);
    } else {
      h.fn(h.arg);
    }
  }
}

}  // namespace

struct napi_async_cleanup_hook_handle__ {
  napi_env env;
  napi_async_cleanup_hook hook;
  void *arg;
  bool done = false;
};

namespace fe_napi {

void SyncUvLoop(napi_env env) {
  UvPump *p;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    auto it = g_pumps.find(env);
    if (it == g_pumps.end()) return;
    p = it->second;
  }
  bool alive = TheUv().loop_alive(env->uv_loop) != 0;
  if (alive != p->refed) {
    p->refed = alive;
    RefLoop(env, alive ? 1 : -1);
  }
}

Local<Value> CallHook(napi_env env, const char *name, int argc, Local<Value> *argv) {
  if (env->hooks.IsEmpty() || env->tearing_down) return Local<Value>();
  v8::Isolate *isolate = env->isolate;
  Local<v8::Context> ctx = env->ctx();
  Local<Value> fn;
  if (!env->hooks.Get(isolate)->Get(ctx, v8::String::NewFromUtf8(isolate, name).ToLocalChecked()).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return Local<Value>();
  }
  Local<Value> out;
  if (!fn.As<v8::Function>()->Call(ctx, env->hooks.Get(isolate), argc, argv).ToLocal(&out)) return Local<Value>();
  return out;
}

void DrainUv(napi_env env) {
  if (env->uv_loop == nullptr) return;
  TheUv().run(env->uv_loop, 2 /* UV_RUN_NOWAIT */);
  SyncUvLoop(env);
}

}  // namespace fe_napi

namespace {

void Teardown(napi_env env) {
  v8::HandleScope scope(env->isolate);
  v8::Context::Scope cs(env->ctx());
  env->tearing_down = true;
  CallCleanupHooks(env);
  // Async cleanup hooks finish on the libuv loop (a uv_close callback, say): turn it a while.
  if (env->uv_loop != nullptr) {
    for (int i = 0; i < 1000 && TheUv().loop_alive(env->uv_loop); i++) {
      TheUv().run(env->uv_loop, 2);
      CallCleanupHooks(env);
      usleep(1000);
    }
  }
  CloseThreadsafeFunctions(env);
  std::vector<Finalizer> pending;
  pending.swap(env->pending_finalizers);
  for (Finalizer &f : pending) CallFinalizer(env, f.cb, f.data, f.hint);
  // References with finalizers first: a finalizer may delete plain references of its own.
  while (env->finalizing != nullptr) env->finalizing->Finalize(false);
  while (env->plain != nullptr) {
    Reference *r = env->plain;
    r->Unlink();
    r->handle.Reset();
    if (r->delete_self) delete r;
  }
  if (env->instance_finalize != nullptr) {
    napi_finalize fin = env->instance_finalize;
    env->instance_finalize = nullptr;
    CallFinalizer(env, fin, env->instance_data, env->instance_hint);
  }
  UvPump *p = nullptr;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    auto it = g_pumps.find(env);
    if (it != g_pumps.end()) {
      p = it->second;
      g_pumps.erase(it);
    }
  }
  if (p != nullptr) {
    std::lock_guard<std::mutex> lock(p->mu);
    p->stop = true;  // the thread ends at its next wake-up; the pump is left to it (leaked, tiny)
    p->cond.notify_all();
  }
  env->last_exception.Reset();
  env->context.Reset();
}

}  // namespace

extern "C" {

void fe_napi_set_host(const fe_napi_host *host) { g_host = *host; }

int fe_napi_version(void) { return 9; }

fe_napi_status fe_napi_load(fe_rt *rt, const char *path, fe_val module, fe_val exports, fe_val hooks, int flags,
                            char **message) {
  *message = nullptr;
  ElfFacts facts = ReadElf(path);
  void *handle = dlopen(path, flags);
  if (handle == nullptr) {
    const char *why = dlerror();
    *message = Message(why != nullptr ? why : "dlopen failed");
    return FE_NAPI_DLOPEN;
  }
  napi_module *mod = t_pending;
  t_pending = nullptr;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (mod != nullptr) g_modules[handle] = mod;
    else {
      auto it = g_modules.find(handle);
      if (it != g_modules.end()) mod = it->second;
    }
  }
  napi_addon_register_func init = nullptr;
  if (mod != nullptr) {
    init = mod->nm_register_func;
    if (init == nullptr) {
      *message = Message("Module has no declared entry point.");
      return FE_NAPI_NO_MODULE;
    }
  }
  if (init == nullptr) init = reinterpret_cast<napi_addon_register_func>(dlsym(handle, "napi_register_module_v1"));
  if (init == nullptr) {
    if (!facts.node_abi.empty()) {
      *message = Message(std::string(path) + " is a native addon built against Node's C++ API (it defines " +
                         facts.node_abi +
                         "), which fe does not provide: fe loads Node-API addons only. Use a Node-API build of "
                         "the package (most ship one as a prebuild or can build one with node-addon-api).");
      return FE_NAPI_NODE_ABI;
    }
    *message = Message("Module did not self-register: '" + std::string(path) + "'.");
    return FE_NAPI_NO_MODULE;
  }
  // Lazy binding reports a Node-API function fe lacks only when the addon first calls it, by
  // ending the process: say which now instead.
  for (const std::string &name : facts.napi_undefined) {
    if (dlsym(RTLD_DEFAULT, name.c_str()) == nullptr) {
      *message = Message(std::string(path) + ": undefined symbol: " + name +
                         " (the addon needs a Node-API function that fe does not provide)");
      return FE_NAPI_DLOPEN;
    }
  }
  int32_t api_version = 8;
  auto get_version = reinterpret_cast<int32_t (*)()>(dlsym(handle, "node_api_module_get_api_version_v1"));
  if (get_version != nullptr) api_version = get_version();

  v8::Isolate *isolate = fe::IsolateOf(rt);
  Local<v8::Context> ctx = fe::ContextOf(rt);
  Local<v8::Object> hook_obj =
      fe::FromVal(hooks)->IsObject() ? fe::FromVal<v8::Object>(hooks) : v8::Object::New(isolate);
  napi_env env = NewEnv(rt, path, api_version, hook_obj);
  env->dl_handle = handle;
  Local<Value> exp = fe::FromVal(exports);
  napi_value result = nullptr;
  bool threw = false;
  CallIntoModule(
      env, [&](napi_env e) { result = init(e, JsValue(exp)); },
      [&](napi_env, Local<Value> err) {
        threw = true;
        isolate->ThrowException(err);
      });
  if (threw) return FE_NAPI_EXCEPTION;
  if (result != nullptr && !V8Value(result)->StrictEquals(exp)) {
    Local<Value> m = fe::FromVal(module);
    if (m->IsObject()) {
      v8::TryCatch tc(isolate);
      (void)m.As<v8::Object>()->Set(ctx, v8::String::NewFromUtf8Literal(isolate, "exports"), V8Value(result));
      if (tc.HasCaught()) {
        tc.ReThrow();
        return FE_NAPI_EXCEPTION;
      }
    }
  }
  return FE_NAPI_OK;
}

void fe_napi_teardown(fe_rt *rt) {
  std::vector<napi_env> envs;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    auto it = g_envs.find(rt);
    if (it == g_envs.end()) return;
    envs.swap(it->second);
    g_envs.erase(it);
  }
  v8::Isolate *isolate = fe::IsolateOf(rt);
  v8::Isolate::Scope is(isolate);
  // Node tears environments down newest first.
  for (auto it = envs.rbegin(); it != envs.rend(); ++it) Teardown(*it);
  // The envs themselves stay: a late thread-safe call or GC callback may still name them.
}

void napi_module_register(napi_module *mod) { t_pending = mod; }

napi_status napi_get_node_version(napi_env env, const napi_node_version **version) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, version);
  static const napi_node_version v = {18, 20, 4, "node"};
  *version = &v;
  return ClearLastError(env);
}

napi_status node_api_get_module_file_name(napi_env env, const char **result) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, result);
  *result = env->filename.c_str();
  return ClearLastError(env);
}

napi_status napi_get_uv_event_loop(napi_env env, struct uv_loop_s **loop) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, loop);
  Uv &uv = TheUv();
  if (!uv.ok) return SetLastError(env, napi_generic_failure);
  if (env->uv_loop == nullptr) {
    void *l = calloc(1, uv.loop_size());
    if (uv.loop_init(l) != 0) {
      free(l);
      return SetLastError(env, napi_generic_failure);
    }
    env->uv_loop = l;
    UvPump *p = new UvPump();
    p->env = env;
    {
      std::lock_guard<std::mutex> lock(g_mu);
      g_pumps[env] = p;
    }
    std::thread(PumpThread, p).detach();
  }
  *loop = static_cast<struct uv_loop_s *>(env->uv_loop);
  return ClearLastError(env);
}

napi_status napi_add_env_cleanup_hook(napi_env env, napi_cleanup_hook fun, void *arg) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, fun);
  env->cleanup_hooks.push_back({fun, arg, nullptr});
  return ClearLastError(env);
}

napi_status napi_remove_env_cleanup_hook(napi_env env, napi_cleanup_hook fun, void *arg) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, fun);
  for (auto it = env->cleanup_hooks.begin(); it != env->cleanup_hooks.end(); ++it) {
    if (it->fn == fun && it->arg == arg && it->async == nullptr) {
      env->cleanup_hooks.erase(it);
      break;
    }
  }
  return ClearLastError(env);
}

napi_status napi_add_async_cleanup_hook(napi_env env, napi_async_cleanup_hook hook, void *arg,
                                        napi_async_cleanup_hook_handle *remove_handle) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, hook);
  auto *h = new napi_async_cleanup_hook_handle__{env, hook, arg};
  env->cleanup_hooks.push_back({reinterpret_cast<void (*)(void *)>(hook), arg, h});
  if (remove_handle != nullptr) *remove_handle = h;
  return ClearLastError(env);
}

napi_status napi_remove_async_cleanup_hook(napi_async_cleanup_hook_handle remove_handle) {
  if (remove_handle == nullptr) return napi_invalid_arg;
  napi_env env = remove_handle->env;
  for (auto it = env->cleanup_hooks.begin(); it != env->cleanup_hooks.end(); ++it) {
    if (it->async == remove_handle) {
      env->cleanup_hooks.erase(it);
      break;
    }
  }
  delete remove_handle;
  return napi_ok;
}

}  // extern "C"

extern "C" napi_status napi_get_version(napi_env env, uint32_t *result) {
  FE_CHECK_ENV_NOGC(env);
  FE_CHECK_ARG(env, result);
  *result = 9;
  return ClearLastError(env);
}
