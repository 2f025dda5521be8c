// The addon bench/napi.sh times: the cheapest useful Node-API calls, so the loop measures the
// cost of crossing into native code and back (as a hot Rollup/Lightning CSS binding call does).
#include <node_api.h>

// add(a, b): two numbers in, one out.
static napi_value Add(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  double a = 0, b = 0;
  napi_value out;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_double(env, argv[0], &a);
  napi_get_value_double(env, argv[1], &b);
  napi_create_double(env, a + b, &out);
  return out;
}

// firstByte(buffer): a Buffer in, its first byte out.
static napi_value FirstByte(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *data = NULL;
  size_t length = 0;
  napi_value out;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_buffer_info(env, argv[0], &data, &length);
  napi_create_uint32(env, length > 0 ? ((unsigned char *)data)[0] : 0, &out);
  return out;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"add", NULL, Add, NULL, NULL, NULL, napi_default, NULL},
      {"firstByte", NULL, FirstByte, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 2, props);
  return exports;
}
