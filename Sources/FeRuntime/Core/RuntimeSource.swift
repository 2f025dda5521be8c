/// The runtime's JavaScript: every file in JS/, compiled into fe (Package.swift embeds each one)
/// and joined in name order — the files are numbered so that name order is load order
/// — as the body of the bootstrap function `(function (ops) { … return core })`. They share one
/// scope: a file uses what earlier ones define, and its first lines say what. The joined text is
/// part of the engine id. `RuntimeSourceTests` checks this list against the folder; the last
/// file ends with `return core`. (SwiftPM
/// names an embedded `00-core.js` `_0_core_js`: a leading digit becomes `_`.)
enum RuntimeSource {
  /// The files in use: the embedded ones, or a checkout's under FE_DEV_RUNTIME_DIR (DevSources).
  static let files: [(name: String, bytes: [UInt8])] =
    DevSources.directory == nil ? embedded : embedded.map { ($0.name, DevSources.runtimeFile($0.name) ?? $0.bytes) }

  static let embedded: [(name: String, bytes: [UInt8])] = [
    ("00-core.js", PackageResources._0_core_js),
    ("01-inspect.js", PackageResources._1_inspect_js),
    ("02-errors.js", PackageResources._2_errors_js),
    ("03-loop.js", PackageResources._3_loop_js),
    ("04-events.js", PackageResources._4_events_js),
    ("05-process.js", PackageResources._5_process_js),
    ("06-console.js", PackageResources._6_console_js),
    ("07-path.js", PackageResources._7_path_js),
    ("08-fs.js", PackageResources._8_fs_js),
    ("09-url.js", PackageResources._9_url_js),
    ("10-builtins.js", PackageResources._0_builtins_js),
    ("11-buffer.js", PackageResources._1_buffer_js),
    ("12-web.js", PackageResources._2_web_js),
    ("13-string_decoder.js", PackageResources._3_string_decoder_js),
    ("14-assert.js", PackageResources._4_assert_js),
    ("15-streams.js", PackageResources._5_streams_js),
    ("16-child_process.js", PackageResources._6_child_process_js),
    ("17-crypto.js", PackageResources._7_crypto_js),
    ("18-fetch.js", PackageResources._8_fetch_js),
    ("19-cjs.js", PackageResources._9_cjs_js),
    ("20-tty.js", PackageResources._0_tty_js),
    ("22-zlib.js", PackageResources._2_zlib_js),
    ("23-vm.js", PackageResources._3_vm_js),
    ("24-querystring.js", PackageResources._4_querystring_js),
    ("25-punycode.js", PackageResources._5_punycode_js),
    ("26-timers_promises.js", PackageResources._6_timers_promises_js),
    ("27-http.js", PackageResources._7_http_js),
    ("28-es2023.js", PackageResources._8_es2023_js),
    ("29-constants.js", PackageResources._9_constants_js),
    ("30-diagnostics_channel.js", PackageResources._0_diagnostics_channel_js),
    ("31-async_hooks.js", PackageResources._1_async_hooks_js),
    ("32-net.js", PackageResources._2_net_js),
    ("33-dns.js", PackageResources._3_dns_js),
    ("34-dgram.js", PackageResources._4_dgram_js),
    ("35-http_client.js", PackageResources._5_http_client_js),
    ("36-tls.js", PackageResources._6_tls_js),
    ("37-https.js", PackageResources._7_https_js),
    ("38-v8.js", PackageResources._8_v8_js),
    ("39-worker_threads.js", PackageResources._9_worker_threads_js),
    ("40-domain.js", PackageResources._0_domain_js),
    ("41-cluster.js", PackageResources._1_cluster_js),
    ("43-nodelib.js", PackageResources._3_nodelib_js),
    ("44-util.js", PackageResources._4_util_js),
    ("45-http2.js", PackageResources._5_http2_js),
    ("46-inspector.js", PackageResources._6_inspector_js),
    ("47-internals.js", PackageResources._7_internals_js),
    ("48-stream_operators.js", PackageResources._8_stream_operators_js),
    ("49-perf_hooks.js", PackageResources._9_perf_hooks_js),
    ("50-trace_events.js", PackageResources._0_trace_events_js),
    ("60-globals.js", PackageResources._0_globals_js),
  ]

  static let text: String = files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
}
