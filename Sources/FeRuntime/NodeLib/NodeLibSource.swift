import FeEngine

/// Node's own JavaScript that fe vendors (NodeLib/node.<path>.js = Node 18.20.4's lib/<path>.js,
/// see NodeLib/README.md), by module id. Embedded in fe and compiled only when a builtin made of
/// it is first required (JS/43-nodelib.js), so it costs nothing at start-up.
enum NodeLibSource {
  /// The files in use: the embedded ones, with a checkout's under FE_DEV_RUNTIME_DIR (DevSources).
  static let files: [String: [UInt8]] =
    DevSources.directory == nil ? embedded : embedded.merging(DevSources.nodeLibFiles()) { _, dev in dev }

  static let embedded: [String: [UInt8]] = [
    "http2": PackageResources.node_http2_js,
    "internal/debugger/inspect": PackageResources.node_internal_debugger_inspect_js,
    "internal/debugger/inspect_client": PackageResources.node_internal_debugger_inspect_client_js,
    "internal/debugger/inspect_repl": PackageResources.node_internal_debugger_inspect_repl_js,
    "internal/deps/acorn/acorn-walk/dist/walk": PackageResources.node_internal_deps_acorn_acorn_walk_dist_walk_js,
    "internal/deps/acorn/acorn/dist/acorn": PackageResources.node_internal_deps_acorn_acorn_dist_acorn_js,
    "internal/error_serdes": PackageResources.node_internal_error_serdes_js,
    "internal/fs/sync_write_stream": PackageResources.node_internal_fs_sync_write_stream_js,
    "internal/histogram": PackageResources.node_internal_histogram_js,
    "internal/http2/compat": PackageResources.node_internal_http2_compat_js,
    "internal/http2/core": PackageResources.node_internal_http2_core_js,
    "internal/http2/util": PackageResources.node_internal_http2_util_js,
    "internal/mime": PackageResources.node_internal_mime_js,
    "internal/per_context/primordials": PackageResources.node_internal_per_context_primordials_js,
    "internal/perf/event_loop_delay": PackageResources.node_internal_perf_event_loop_delay_js,
    "internal/perf/event_loop_utilization": PackageResources.node_internal_perf_event_loop_utilization_js,
    "internal/perf/nodetiming": PackageResources.node_internal_perf_nodetiming_js,
    "internal/perf/observe": PackageResources.node_internal_perf_observe_js,
    "internal/perf/performance": PackageResources.node_internal_perf_performance_js,
    "internal/perf/performance_entry": PackageResources.node_internal_perf_performance_entry_js,
    "internal/perf/resource_timing": PackageResources.node_internal_perf_resource_timing_js,
    "internal/perf/timerify": PackageResources.node_internal_perf_timerify_js,
    "internal/perf/usertiming": PackageResources.node_internal_perf_usertiming_js,
    "internal/perf/utils": PackageResources.node_internal_perf_utils_js,
    "internal/priority_queue": PackageResources.node_internal_priority_queue_js,
    "internal/readline/callbacks": PackageResources.node_internal_readline_callbacks_js,
    "internal/readline/emitKeypressEvents": PackageResources.node_internal_readline_emitKeypressEvents_js,
    "internal/readline/interface": PackageResources.node_internal_readline_interface_js,
    "internal/readline/promises": PackageResources.node_internal_readline_promises_js,
    "internal/readline/utils": PackageResources.node_internal_readline_utils_js,
    "internal/repl": PackageResources.node_internal_repl_js,
    "internal/repl/await": PackageResources.node_internal_repl_await_js,
    "internal/repl/history": PackageResources.node_internal_repl_history_js,
    "internal/repl/utils": PackageResources.node_internal_repl_utils_js,
    "internal/streams/compose": PackageResources.node_internal_streams_compose_js,
    "internal/streams/duplexify": PackageResources.node_internal_streams_duplexify_js,
    "internal/streams/operators": PackageResources.node_internal_streams_operators_js,
    "internal/streams/utils": PackageResources.node_internal_streams_utils_js,
    "internal/test_runner/coverage": PackageResources.node_internal_test_runner_coverage_js,
    "internal/test_runner/harness": PackageResources.node_internal_test_runner_harness_js,
    "internal/test_runner/mock/mock": PackageResources.node_internal_test_runner_mock_mock_js,
    "internal/test_runner/mock/mock_timers": PackageResources.node_internal_test_runner_mock_mock_timers_js,
    "internal/test_runner/reporter/dot": PackageResources.node_internal_test_runner_reporter_dot_js,
    "internal/test_runner/reporter/junit": PackageResources.node_internal_test_runner_reporter_junit_js,
    "internal/test_runner/reporter/spec": PackageResources.node_internal_test_runner_reporter_spec_js,
    "internal/test_runner/reporter/tap": PackageResources.node_internal_test_runner_reporter_tap_js,
    "internal/test_runner/reporter/v8-serializer": PackageResources.node_internal_test_runner_reporter_v8_serializer_js,
    "internal/test_runner/runner": PackageResources.node_internal_test_runner_runner_js,
    "internal/test_runner/test": PackageResources.node_internal_test_runner_test_js,
    "internal/test_runner/tests_stream": PackageResources.node_internal_test_runner_tests_stream_js,
    "internal/test_runner/utils": PackageResources.node_internal_test_runner_utils_js,
    "internal/util/colors": PackageResources.node_internal_util_colors_js,
    "internal/util/parse_args/parse_args": PackageResources.node_internal_util_parse_args_parse_args_js,
    "internal/util/parse_args/utils": PackageResources.node_internal_util_parse_args_utils_js,
    "internal/validators": PackageResources.node_internal_validators_js,
    "internal/watch_mode/files_watcher": PackageResources.node_internal_watch_mode_files_watcher_js,
    "internal/webidl": PackageResources.node_internal_webidl_js,
    "internal/webstreams/adapters": PackageResources.node_internal_webstreams_adapters_js,
    "internal/webstreams/compression": PackageResources.node_internal_webstreams_compression_js,
    "internal/webstreams/encoding": PackageResources.node_internal_webstreams_encoding_js,
    "internal/webstreams/queuingstrategies": PackageResources.node_internal_webstreams_queuingstrategies_js,
    "internal/webstreams/readablestream": PackageResources.node_internal_webstreams_readablestream_js,
    "internal/webstreams/transfer": PackageResources.node_internal_webstreams_transfer_js,
    "internal/webstreams/transformstream": PackageResources.node_internal_webstreams_transformstream_js,
    "internal/webstreams/util": PackageResources.node_internal_webstreams_util_js,
    "internal/webstreams/writablestream": PackageResources.node_internal_webstreams_writablestream_js,
    "perf_hooks": PackageResources.node_perf_hooks_js,
    "readline": PackageResources.node_readline_js,
    "readline/promises": PackageResources.node_readline_promises_js,
    "repl": PackageResources.node_repl_js,
    "stream/web": PackageResources.node_stream_web_js,
    "test": PackageResources.node_test_js,
  ]

  static let all: [Op] = [
    // (id) → the vendored source of Node's lib/<id>.js, or undefined when fe has no such file.
    Op("op_nodelib_source") { _, call in
      guard let bytes = files[call.string(0)] else { return }
      call.returns(String(decoding: bytes, as: UTF8.self))
    }
  ]
}
