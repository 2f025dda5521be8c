// libcurl for fe's network layer (Sources/FeNet: every easy handle is a CurlHandle; fetch's
// NetworkThread drives the multi API), loaded with dlopen on first use (curl_loader.c):
// linking it would load libcurl and its ~25 dependencies (GnuTLS, LDAP, Kerberos, …) and run
// their constructors at every launch, about 5 ms, though most launches never touch the network.
// The curl_* functions fe calls are declared by curl.h and defined in curl_loader.c as
// forwarders; Swift cannot call C variadic functions, so each curl_easy_setopt/curl_easy_getinfo
// argument type gets one typed forwarder here. If libcurl cannot be loaded, every call fails
// with an error result (CURLE_FAILED_INIT, NULL, …) and fe_curl_load_error() says why.
#ifndef FE_CCURL_SHIM_H
#define FE_CCURL_SHIM_H
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*fe_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*fe_curl_progress_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                                         curl_off_t ulnow);

/// Why libcurl could not be loaded, or NULL when it is loaded (loads it if needed).
const char *fe_curl_load_error(void);

CURLcode fe_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode fe_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode fe_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode fe_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode fe_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode fe_curl_setopt_data_callback(CURL *handle, CURLoption option, fe_curl_data_callback value);
CURLcode fe_curl_setopt_progress_callback(CURL *handle, fe_curl_progress_callback value);
// CURLOPT_*_BLOB takes a struct by pointer; libcurl copies the bytes (CURL_BLOB_COPY).
CURLcode fe_curl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length);
CURLcode fe_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode fe_curl_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode fe_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode fe_curl_setopt_ssl_ctx_callback(CURL *handle, curl_ssl_ctx_callback value);

#endif
