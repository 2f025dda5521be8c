// The part of nghttp2's public API (nghttp2.h, version 1.52) that fe's http2 uses: the frame
// structs its callbacks receive and the types of the functions fe looks up. Declared here, not
// included, because Debian ships libnghttp2.so.14 (a dependency of libcurl) without its headers;
// fe dlopens the library on first use (Sources/FeRuntime/HTTP2/LibNghttp2.swift). The layouts
// are the library's ABI, stable across 1.x.
#ifndef FE_CNGHTTP2_SHIM_H
#define FE_CNGHTTP2_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct nghttp2_session nghttp2_session;
typedef struct nghttp2_session_callbacks nghttp2_session_callbacks;
typedef struct nghttp2_option nghttp2_option;

typedef struct {
  size_t length;
  int32_t stream_id;
  uint8_t type;
  uint8_t flags;
  uint8_t reserved;
} nghttp2_frame_hd;

typedef struct {
  uint8_t *name;
  uint8_t *value;
  size_t namelen;
  size_t valuelen;
  uint8_t flags;
} nghttp2_nv;

typedef struct {
  int32_t stream_id;
  int32_t weight;
  uint8_t exclusive;
} nghttp2_priority_spec;

typedef struct {
  nghttp2_frame_hd hd;
  size_t padlen;
} nghttp2_data;

typedef struct {
  nghttp2_frame_hd hd;
  size_t padlen;
  nghttp2_priority_spec pri_spec;
  nghttp2_nv *nva;
  size_t nvlen;
  int cat;  // nghttp2_headers_category
} nghttp2_headers;

typedef struct {
  nghttp2_frame_hd hd;
  nghttp2_priority_spec pri_spec;
} nghttp2_priority;

typedef struct {
  nghttp2_frame_hd hd;
  uint32_t error_code;
} nghttp2_rst_stream;

typedef struct {
  int32_t settings_id;
  uint32_t value;
} nghttp2_settings_entry;

typedef struct {
  nghttp2_frame_hd hd;
  size_t niv;
  nghttp2_settings_entry *iv;
} nghttp2_settings;

typedef struct {
  nghttp2_frame_hd hd;
  size_t padlen;
  nghttp2_nv *nva;
  size_t nvlen;
  int32_t promised_stream_id;
  uint8_t reserved;
} nghttp2_push_promise;

typedef struct {
  nghttp2_frame_hd hd;
  uint8_t opaque_data[8];
} nghttp2_ping;

typedef struct {
  nghttp2_frame_hd hd;
  int32_t last_stream_id;
  uint32_t error_code;
  uint8_t *opaque_data;
  size_t opaque_data_len;
  uint8_t reserved;
} nghttp2_goaway;

typedef struct {
  nghttp2_frame_hd hd;
  int32_t window_size_increment;
  uint8_t reserved;
} nghttp2_window_update;

typedef struct {
  nghttp2_frame_hd hd;
  void *payload;
} nghttp2_extension;

typedef union {
  nghttp2_frame_hd hd;
  nghttp2_data data;
  nghttp2_headers headers;
  nghttp2_priority priority;
  nghttp2_rst_stream rst_stream;
  nghttp2_settings settings;
  nghttp2_push_promise push_promise;
  nghttp2_ping ping;
  nghttp2_goaway goaway;
  nghttp2_window_update window_update;
  nghttp2_extension ext;
} nghttp2_frame;

// The payloads of the ALTSVC and ORIGIN extension frames (frame->ext.payload).
typedef struct {
  uint8_t *origin;
  size_t origin_len;
  uint8_t *field_value;
  size_t field_value_len;
} nghttp2_ext_altsvc;

typedef struct {
  uint8_t *origin;
  size_t origin_len;
} nghttp2_origin_entry;

typedef struct {
  size_t nov;
  nghttp2_origin_entry *ov;
} nghttp2_ext_origin;

typedef union {
  int fd;
  void *ptr;
} nghttp2_data_source;

typedef ssize_t (*nghttp2_data_source_read_callback)(nghttp2_session *session, int32_t stream_id, uint8_t *buf,
                                                     size_t length, uint32_t *data_flags, nghttp2_data_source *source,
                                                     void *user_data);

typedef struct {
  nghttp2_data_source source;
  nghttp2_data_source_read_callback read_callback;
} nghttp2_data_provider;

// Callback types (the subset fe sets).
typedef int (*nghttp2_on_frame_recv_callback)(nghttp2_session *, const nghttp2_frame *, void *);
typedef int (*nghttp2_on_frame_send_callback)(nghttp2_session *, const nghttp2_frame *, void *);
typedef int (*nghttp2_on_frame_not_send_callback)(nghttp2_session *, const nghttp2_frame *, int, void *);
typedef int (*nghttp2_on_invalid_frame_recv_callback)(nghttp2_session *, const nghttp2_frame *, int, void *);
typedef int (*nghttp2_on_data_chunk_recv_callback)(nghttp2_session *, uint8_t, int32_t, const uint8_t *, size_t,
                                                   void *);
typedef int (*nghttp2_on_stream_close_callback)(nghttp2_session *, int32_t, uint32_t, void *);
typedef int (*nghttp2_on_begin_headers_callback)(nghttp2_session *, const nghttp2_frame *, void *);
typedef int (*nghttp2_on_header_callback)(nghttp2_session *, const nghttp2_frame *, const uint8_t *, size_t,
                                          const uint8_t *, size_t, uint8_t, void *);
typedef ssize_t (*nghttp2_select_padding_callback)(nghttp2_session *, const nghttp2_frame *, size_t, void *);
typedef int (*nghttp2_error_callback2)(nghttp2_session *, int, const char *, size_t, void *);

// Constants fe uses (nghttp2.h's enums).
enum {
  FE_NGHTTP2_DATA = 0,
  FE_NGHTTP2_HEADERS = 1,
  FE_NGHTTP2_PRIORITY = 2,
  FE_NGHTTP2_RST_STREAM = 3,
  FE_NGHTTP2_SETTINGS = 4,
  FE_NGHTTP2_PUSH_PROMISE = 5,
  FE_NGHTTP2_PING = 6,
  FE_NGHTTP2_GOAWAY = 7,
  FE_NGHTTP2_WINDOW_UPDATE = 8,
  FE_NGHTTP2_ALTSVC = 0x0a,
  FE_NGHTTP2_ORIGIN = 0x0c,
  FE_NGHTTP2_FLAG_END_STREAM = 0x01,
  FE_NGHTTP2_FLAG_ACK = 0x01,
  FE_NGHTTP2_DATA_FLAG_EOF = 0x01,
  FE_NGHTTP2_DATA_FLAG_NO_END_STREAM = 0x02,
  FE_NGHTTP2_ERR_DEFERRED = -508,
  FE_NGHTTP2_ERR_CALLBACK_FAILURE = -902,
  FE_NGHTTP2_NV_FLAG_NO_INDEX = 0x01,
};

#endif
