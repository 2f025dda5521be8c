// Loads libcurl on first use and forwards fe's curl_* calls to it (see include/shim.h).
#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// Every definition here is hidden (not in fe's dynamic symbol table): libcurl must never bind
// its own calls to these forwarders.
#define FE_HIDDEN __attribute__((visibility("hidden")))

// X(name, return type, parameters, argument names, result when libcurl is missing)
#define FE_CURL_FUNCTIONS(X)                                                                                  \
  X(curl_global_init, CURLcode, (long flags), (flags), CURLE_FAILED_INIT)                                    \
  X(curl_easy_init, CURL *, (void), (), NULL)                                                                 \
  X(curl_easy_cleanup, void, (CURL * h), (h), )                                                               \
  X(curl_easy_reset, void, (CURL * h), (h), )                                                                 \
  X(curl_easy_perform, CURLcode, (CURL * h), (h), CURLE_FAILED_INIT)                                         \
  X(curl_easy_pause, CURLcode, (CURL * h, int mask), (h, mask), CURLE_FAILED_INIT)                           \
  X(curl_easy_strerror, const char *, (CURLcode code), (code), "libcurl is not available")                  \
  X(curl_free, void, (void *p), (p), )                                                                        \
  X(curl_slist_append, struct curl_slist *, (struct curl_slist * l, const char *s), (l, s), NULL)            \
  X(curl_slist_free_all, void, (struct curl_slist * l), (l), )                                                \
  X(curl_multi_init, CURLM *, (void), (), NULL)                                                               \
  X(curl_multi_add_handle, CURLMcode, (CURLM * m, CURL * h), (m, h), CURLM_INTERNAL_ERROR)                    \
  X(curl_multi_remove_handle, CURLMcode, (CURLM * m, CURL * h), (m, h), CURLM_INTERNAL_ERROR)                 \
  X(curl_multi_perform, CURLMcode, (CURLM * m, int *running), (m, running), CURLM_INTERNAL_ERROR)             \
  X(curl_multi_poll, CURLMcode, (CURLM * m, struct curl_waitfd * fds, unsigned int n, int ms, int *ret),      \
    (m, fds, n, ms, ret), CURLM_INTERNAL_ERROR)                                                               \
  X(curl_multi_wakeup, CURLMcode, (CURLM * m), (m), CURLM_INTERNAL_ERROR)                                     \
  X(curl_multi_info_read, CURLMsg *, (CURLM * m, int *queued), (m, queued), NULL)                             \
  X(curl_url, CURLU *, (void), (), NULL)                                                                      \
  X(curl_url_cleanup, void, (CURLU * u), (u), )                                                               \
  X(curl_url_get, CURLUcode, (CURLU * u, CURLUPart what, char **part, unsigned int flags),              \
    (u, what, part, flags), CURLUE_OUT_OF_MEMORY)                                                             \
  X(curl_url_set, CURLUcode, (CURLU * u, CURLUPart what, const char *part, unsigned int flags),              \
    (u, what, part, flags), CURLUE_OUT_OF_MEMORY)

static struct {
#define FE_CURL_POINTER(name, ret, params, args, missing) ret(*name) params;
  FE_CURL_FUNCTIONS(FE_CURL_POINTER)
  CURLcode (*curl_easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*curl_easy_getinfo)(CURL *, CURLINFO, ...);
} api;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int loaded;

static void load(void) {
  void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (lib == NULL) {
    snprintf(load_error, sizeof load_error, "cannot load libcurl.so.4 (%s); install libcurl4", dlerror());
    return;
  }
#define FE_CURL_LOOKUP(name, ret, params, args, missing)                                                   \
  if ((*(void **)&api.name = dlsym(lib, #name)) == NULL) {                                                 \
    snprintf(load_error, sizeof load_error, "libcurl.so.4 has no %s; install a libcurl4 of 7.81 or later", #name); \
    return;                                                                                                \
  }
  FE_CURL_FUNCTIONS(FE_CURL_LOOKUP)
  FE_CURL_LOOKUP(curl_easy_setopt, , , , )
  FE_CURL_LOOKUP(curl_easy_getinfo, , , , )
  loaded = 1;
}

static int ready(void) {
  pthread_once(&once, load);
  return loaded;
}

FE_HIDDEN const char *fe_curl_load_error(void) { return ready() ? NULL : load_error; }

#define FE_CURL_FORWARDER(name, ret, params, args, missing) \
  FE_HIDDEN ret name params {                               \
    if (!ready()) return missing;                           \
    return api.name args;                                   \
  }
FE_CURL_FUNCTIONS(FE_CURL_FORWARDER)

#define FE_SETOPT(suffix, type)                                                           \
  FE_HIDDEN CURLcode fe_curl_setopt_##suffix(CURL *handle, CURLoption option, type value) { \
    return ready() ? api.curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;    \
  }
FE_SETOPT(long, long)
FE_SETOPT(off_t, curl_off_t)
FE_SETOPT(string, const char *)
FE_SETOPT(pointer, void *)
FE_SETOPT(slist, struct curl_slist *)
FE_SETOPT(data_callback, fe_curl_data_callback)

FE_HIDDEN CURLcode fe_curl_setopt_progress_callback(CURL *handle, fe_curl_progress_callback value) {
  return ready() ? api.curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value) : CURLE_FAILED_INIT;
}
FE_HIDDEN CURLcode fe_curl_setopt_ssl_ctx_callback(CURL *handle, curl_ssl_ctx_callback value) {
  return ready() ? api.curl_easy_setopt(handle, CURLOPT_SSL_CTX_FUNCTION, value) : CURLE_FAILED_INIT;
}
FE_HIDDEN CURLcode fe_curl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
  struct curl_blob blob = {(void *)data, length, CURL_BLOB_COPY};
  return ready() ? api.curl_easy_setopt(handle, option, &blob) : CURLE_FAILED_INIT;
}

#define FE_GETINFO(suffix, type)                                                          \
  FE_HIDDEN CURLcode fe_curl_getinfo_##suffix(CURL *handle, CURLINFO info, type *value) { \
    return ready() ? api.curl_easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;     \
  }
FE_GETINFO(long, long)
FE_GETINFO(string, char *)
FE_GETINFO(off_t, curl_off_t)
