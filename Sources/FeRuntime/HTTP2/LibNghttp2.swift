import CNghttp2
import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// The nghttp2 functions fe's http2 calls, looked up in libnghttp2.so.14 on first use (see
/// Sources/CNghttp2/shim.h for why it is not linked).
struct LibNghttp2 {
  typealias Session = OpaquePointer
  typealias Callbacks = OpaquePointer
  typealias Option = OpaquePointer
  typealias NV = UnsafePointer<nghttp2_nv>

  let callbacksNew: @convention(c) (UnsafeMutablePointer<Callbacks?>?) -> Int32
  let callbacksDel: @convention(c) (Callbacks?) -> Void
  let setOnFrameRecv: @convention(c) (Callbacks?, nghttp2_on_frame_recv_callback?) -> Void
  let setOnFrameNotSend: @convention(c) (Callbacks?, nghttp2_on_frame_not_send_callback?) -> Void
  let setOnInvalidFrameRecv: @convention(c) (Callbacks?, nghttp2_on_invalid_frame_recv_callback?) -> Void
  let setOnDataChunkRecv: @convention(c) (Callbacks?, nghttp2_on_data_chunk_recv_callback?) -> Void
  let setOnStreamClose: @convention(c) (Callbacks?, nghttp2_on_stream_close_callback?) -> Void
  let setOnBeginHeaders: @convention(c) (Callbacks?, nghttp2_on_begin_headers_callback?) -> Void
  let setOnHeader: @convention(c) (Callbacks?, nghttp2_on_header_callback?) -> Void
  let setOnInvalidHeader: @convention(c) (Callbacks?, nghttp2_on_header_callback?) -> Void
  let setSelectPadding: @convention(c) (Callbacks?, nghttp2_select_padding_callback?) -> Void
  let setError2: @convention(c) (Callbacks?, nghttp2_error_callback2?) -> Void
  let optionNew: @convention(c) (UnsafeMutablePointer<Option?>?) -> Int32
  let optionDel: @convention(c) (Option?) -> Void
  let optionSetUInt32: [String: @convention(c) (Option?, UInt32) -> Void]
  let optionSetSize: [String: @convention(c) (Option?, Int) -> Void]
  let optionSetBuiltinRecvExtensionType: @convention(c) (Option?, UInt8) -> Void
  let serverNew: @convention(c) (UnsafeMutablePointer<Session?>?, Callbacks?, UnsafeMutableRawPointer?, Option?) -> Int32
  let clientNew: @convention(c) (UnsafeMutablePointer<Session?>?, Callbacks?, UnsafeMutableRawPointer?, Option?) -> Int32
  let sessionDel: @convention(c) (Session?) -> Void
  let memRecv: @convention(c) (Session?, UnsafePointer<UInt8>?, Int) -> Int
  let memSend: @convention(c) (Session?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?) -> Int
  let submitSettings: @convention(c) (Session?, UInt8, UnsafePointer<nghttp2_settings_entry>?, Int) -> Int32
  let submitRequest:
    @convention(c) (Session?, UnsafePointer<nghttp2_priority_spec>?, NV?, Int, UnsafePointer<nghttp2_data_provider>?, UnsafeMutableRawPointer?)
      -> Int32
  let submitResponse: @convention(c) (Session?, Int32, NV?, Int, UnsafePointer<nghttp2_data_provider>?) -> Int32
  let submitHeaders:
    @convention(c) (Session?, UInt8, Int32, UnsafePointer<nghttp2_priority_spec>?, NV?, Int, UnsafeMutableRawPointer?) -> Int32
  let submitTrailer: @convention(c) (Session?, Int32, NV?, Int) -> Int32
  let submitData: @convention(c) (Session?, UInt8, Int32, UnsafePointer<nghttp2_data_provider>?) -> Int32
  let submitPushPromise: @convention(c) (Session?, UInt8, Int32, NV?, Int, UnsafeMutableRawPointer?) -> Int32
  let submitRstStream: @convention(c) (Session?, UInt8, Int32, UInt32) -> Int32
  let submitPing: @convention(c) (Session?, UInt8, UnsafePointer<UInt8>?) -> Int32
  let submitGoaway: @convention(c) (Session?, UInt8, Int32, UInt32, UnsafePointer<UInt8>?, Int) -> Int32
  let submitPriority: @convention(c) (Session?, UInt8, Int32, UnsafePointer<nghttp2_priority_spec>?) -> Int32
  let submitOrigin: @convention(c) (Session?, UInt8, UnsafePointer<nghttp2_origin_entry>?, Int) -> Int32
  let submitAltsvc: @convention(c) (Session?, UInt8, Int32, UnsafePointer<UInt8>?, Int, UnsafePointer<UInt8>?, Int) -> Int32
  let resumeData: @convention(c) (Session?, Int32) -> Int32
  let getLocalSettings: @convention(c) (Session?, Int32) -> UInt32
  let getRemoteSettings: @convention(c) (Session?, Int32) -> UInt32
  let sessionGetInt32: [String: @convention(c) (Session?) -> Int32]
  let sessionGetSize: [String: @convention(c) (Session?) -> Int]
  let findStream: @convention(c) (Session?, Int32) -> OpaquePointer?
  let streamGetState: @convention(c) (OpaquePointer?) -> Int32
  let streamGetWeight: @convention(c) (OpaquePointer?) -> Int32
  let streamGetSumDependencyWeight: @convention(c) (OpaquePointer?) -> Int32
  let streamLocalClose: @convention(c) (Session?, Int32) -> Int32
  let streamRemoteClose: @convention(c) (Session?, Int32) -> Int32
  let streamLocalWindowSize: @convention(c) (Session?, Int32) -> Int32
  let setNextStreamID: @convention(c) (Session?, Int32) -> Int32
  let setLocalWindowSize: @convention(c) (Session?, UInt8, Int32, Int32) -> Int32
  let strerror: @convention(c) (Int32) -> UnsafePointer<CChar>?
  let wantRead: @convention(c) (Session?) -> Int32
  let wantWrite: @convention(c) (Session?) -> Int32

  /// The library, or why it cannot be used.
  static let shared: Result<LibNghttp2, FeError> = load()

  static func get() throws -> LibNghttp2 { try shared.get() }

  private static func load() -> Result<LibNghttp2, FeError> {
    guard let lib = dlopen("libnghttp2.so.14", RTLD_NOW | RTLD_LOCAL) else {
      let why = dlerror().map { String(cString: $0) } ?? "unknown error"
      return .failure(FeError(.internalError, "cannot load libnghttp2.so.14 (\(why))", hint: "install libnghttp2-14"))
    }
    var missing: String?
    func sym<T>(_ name: String, _: T.Type = T.self) -> T {
      guard let p = dlsym(lib, name) else {
        missing = missing ?? name
        return unsafeBitCast(dlsym(lib, "nghttp2_version"), to: T.self)
      }
      return unsafeBitCast(p, to: T.self)
    }
    guard dlsym(lib, "nghttp2_version") != nil else {
      return .failure(FeError(.internalError, "libnghttp2.so.14 has no nghttp2_version", hint: "install libnghttp2-14"))
    }
    typealias OptU32 = @convention(c) (Option?, UInt32) -> Void
    typealias OptSize = @convention(c) (Option?, Int) -> Void
    typealias GetI32 = @convention(c) (Session?) -> Int32
    typealias GetSize = @convention(c) (Session?) -> Int
    var optionSetUInt32: [String: OptU32] = [:]
    for name in ["max_reserved_remote_streams", "peer_max_concurrent_streams"] {
      optionSetUInt32[name] = sym("nghttp2_option_set_\(name)", OptU32.self)
    }
    var optionSetSize: [String: OptSize] = [:]
    for name in ["max_send_header_block_length", "max_deflate_dynamic_table_size", "max_outbound_ack", "max_settings"] {
      optionSetSize[name] = sym("nghttp2_option_set_\(name)", OptSize.self)
    }
    var sessionGetInt32: [String: GetI32] = [:]
    for name in [
      "effective_local_window_size", "effective_recv_data_length", "next_stream_id", "local_window_size", "last_proc_stream_id",
      "remote_window_size",
    ] {
      sessionGetInt32[name] = sym("nghttp2_session_get_\(name)", GetI32.self)
    }
    var sessionGetSize: [String: GetSize] = [:]
    for name in ["outbound_queue_size", "hd_deflate_dynamic_table_size", "hd_inflate_dynamic_table_size"] {
      sessionGetSize[name] = sym("nghttp2_session_get_\(name)", GetSize.self)
    }
    let l = LibNghttp2(
      callbacksNew: sym("nghttp2_session_callbacks_new"),
      callbacksDel: sym("nghttp2_session_callbacks_del"),
      setOnFrameRecv: sym("nghttp2_session_callbacks_set_on_frame_recv_callback"),
      setOnFrameNotSend: sym("nghttp2_session_callbacks_set_on_frame_not_send_callback"),
      setOnInvalidFrameRecv: sym("nghttp2_session_callbacks_set_on_invalid_frame_recv_callback"),
      setOnDataChunkRecv: sym("nghttp2_session_callbacks_set_on_data_chunk_recv_callback"),
      setOnStreamClose: sym("nghttp2_session_callbacks_set_on_stream_close_callback"),
      setOnBeginHeaders: sym("nghttp2_session_callbacks_set_on_begin_headers_callback"),
      setOnHeader: sym("nghttp2_session_callbacks_set_on_header_callback"),
      setOnInvalidHeader: sym("nghttp2_session_callbacks_set_on_invalid_header_callback"),
      setSelectPadding: sym("nghttp2_session_callbacks_set_select_padding_callback"),
      setError2: sym("nghttp2_session_callbacks_set_error_callback2"),
      optionNew: sym("nghttp2_option_new"),
      optionDel: sym("nghttp2_option_del"),
      optionSetUInt32: optionSetUInt32,
      optionSetSize: optionSetSize,
      optionSetBuiltinRecvExtensionType: sym("nghttp2_option_set_builtin_recv_extension_type"),
      serverNew: sym("nghttp2_session_server_new2"),
      clientNew: sym("nghttp2_session_client_new2"),
      sessionDel: sym("nghttp2_session_del"),
      memRecv: sym("nghttp2_session_mem_recv"),
      memSend: sym("nghttp2_session_mem_send"),
      submitSettings: sym("nghttp2_submit_settings"),
      submitRequest: sym("nghttp2_submit_request"),
      submitResponse: sym("nghttp2_submit_response"),
      submitHeaders: sym("nghttp2_submit_headers"),
      submitTrailer: sym("nghttp2_submit_trailer"),
      submitData: sym("nghttp2_submit_data"),
      submitPushPromise: sym("nghttp2_submit_push_promise"),
      submitRstStream: sym("nghttp2_submit_rst_stream"),
      submitPing: sym("nghttp2_submit_ping"),
      submitGoaway: sym("nghttp2_submit_goaway"),
      submitPriority: sym("nghttp2_submit_priority"),
      submitOrigin: sym("nghttp2_submit_origin"),
      submitAltsvc: sym("nghttp2_submit_altsvc"),
      resumeData: sym("nghttp2_session_resume_data"),
      getLocalSettings: sym("nghttp2_session_get_local_settings"),
      getRemoteSettings: sym("nghttp2_session_get_remote_settings"),
      sessionGetInt32: sessionGetInt32,
      sessionGetSize: sessionGetSize,
      findStream: sym("nghttp2_session_find_stream"),
      streamGetState: sym("nghttp2_stream_get_state"),
      streamGetWeight: sym("nghttp2_stream_get_weight"),
      streamGetSumDependencyWeight: sym("nghttp2_stream_get_sum_dependency_weight"),
      streamLocalClose: sym("nghttp2_session_get_stream_local_close"),
      streamRemoteClose: sym("nghttp2_session_get_stream_remote_close"),
      streamLocalWindowSize: sym("nghttp2_session_get_stream_local_window_size"),
      setNextStreamID: sym("nghttp2_session_set_next_stream_id"),
      setLocalWindowSize: sym("nghttp2_session_set_local_window_size"),
      strerror: sym("nghttp2_strerror"),
      wantRead: sym("nghttp2_session_want_read"),
      wantWrite: sym("nghttp2_session_want_write")
    )
    if let missing {
      return .failure(FeError(.internalError, "libnghttp2.so.14 has no \(missing)", hint: "install libnghttp2-14 1.52 or newer"))
    }
    return .success(l)
  }
}
