// libcurl for fe's registry client. Swift cannot call C variadic functions, so each
// curl_easy_setopt/curl_easy_getinfo argument type gets one typed forwarder here; no logic.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

typedef size_t (*fe_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*fe_curl_progress_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                                         curl_off_t ulnow);

static inline CURLcode fe_curl_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fe_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fe_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fe_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fe_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fe_curl_setopt_data_callback(CURL *handle, CURLoption option, fe_curl_data_callback value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode fe_curl_setopt_progress_callback(CURL *handle, fe_curl_progress_callback value) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}
// CURLOPT_*_BLOB takes a struct by pointer; libcurl copies the bytes (CURL_BLOB_COPY).
static inline CURLcode fe_curl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
  struct curl_blob blob = {(void *)data, length, CURL_BLOB_COPY};
  return curl_easy_setopt(handle, option, &blob);
}
static inline CURLcode fe_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode fe_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
  return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode fe_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode fe_curl_setopt_ssl_ctx_callback(CURL *handle, curl_ssl_ctx_callback value) {
  return curl_easy_setopt(handle, CURLOPT_SSL_CTX_FUNCTION, value);
}
