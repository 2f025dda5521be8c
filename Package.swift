// swift-tools-version:6.0
// fe: a launcher that pins JavaScript tools per project and boots them from V8 snapshots.
// The tree mirrors the architecture: one module per concern, the V8 boundary in Shim/.
import Foundation
import PackageDescription

// V8 comes from Debian's libnode (V8 10.2). `make deps` puts its headers and a private copy of
// the library under .deps/libnode, whether it came from an installed libnode-dev or from the
// unpacked .debs, so the build never sees /usr/include/node (another Node's V8 11.3 headers).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let libnode = "\(root)/.deps/libnode"

// The runtime's JavaScript (FeRuntime/JS), numbered so that name order is load order; the order
// itself is written once, in FeRuntime's RuntimeSource, which RuntimeSourceTests checks against the
// folder. Listed here rather than read from the folder: SwiftPM caches an evaluated manifest by its
// text, so a listing would miss a new file until this file changed.
let runtimeJS = [
  "00-core.js", "01-inspect.js", "02-errors.js", "03-loop.js", "04-events.js", "05-process.js",
  "06-console.js", "07-path.js", "08-fs.js", "09-url.js", "10-builtins.js", "11-buffer.js", "12-web.js",
  "13-string_decoder.js", "14-assert.js", "15-streams.js", "16-child_process.js", "17-crypto.js",
  "18-fetch.js", "19-cjs.js", "20-tty.js", "22-zlib.js", "23-vm.js", "24-querystring.js",
  "25-punycode.js", "26-timers_promises.js", "27-http.js", "28-es2023.js", "29-constants.js",
  "30-diagnostics_channel.js", "31-async_hooks.js", "32-net.js", "33-dns.js", "34-dgram.js", "35-http_client.js", "36-tls.js",
  "37-https.js", "38-v8.js", "39-worker_threads.js", "40-domain.js", "41-cluster.js", "43-nodelib.js", "44-util.js", "45-http2.js", "46-inspector.js", "47-internals.js", "48-stream_operators.js", "49-perf_hooks.js", "50-trace_events.js", "60-globals.js",
]

// Node 18.20.4's own lib/ files that fe vendors (Sources/FeRuntime/NodeLib/README.md).
let nodeLib = [
  "node.http2.js",
  "node.internal.crypto.aes.js",
  "node.internal.crypto.certificate.js",
  "node.internal.crypto.cfrg.js",
  "node.internal.crypto.diffiehellman.js",
  "node.internal.crypto.ec.js",
  "node.internal.crypto.hashnames.js",
  "node.internal.crypto.hkdf.js",
  "node.internal.crypto.mac.js",
  "node.internal.crypto.pbkdf2.js",
  "node.internal.crypto.rsa.js",
  "node.internal.crypto.util.js",
  "node.internal.crypto.webcrypto.js",
  "node.internal.crypto.webidl.js",
  "node.internal.debugger.inspect.js", "node.internal.debugger.inspect_client.js", "node.internal.debugger.inspect_repl.js", "node.internal.deps.acorn.acorn-walk.dist.walk.js",
  "node.internal.deps.acorn.acorn.dist.acorn.js",
  "node.internal.error_serdes.js",
  "node.internal.errors.js",
  "node.internal.fixed_queue.js",
  "node.internal.freelist.js",
  "node.internal.fs.sync_write_stream.js",
  "node.internal.histogram.js",
  "node.internal.http2.compat.js",
  "node.internal.http2.core.js",
  "node.internal.http2.util.js",
  "node.internal.js_stream_socket.js",
  "node.internal.mime.js",
  "node.internal.per_context.primordials.js",
  "node.internal.perf.event_loop_delay.js",
  "node.internal.perf.event_loop_utilization.js",
  "node.internal.perf.nodetiming.js",
  "node.internal.perf.observe.js",
  "node.internal.perf.performance.js",
  "node.internal.perf.performance_entry.js",
  "node.internal.perf.resource_timing.js",
  "node.internal.perf.timerify.js",
  "node.internal.perf.usertiming.js",
  "node.internal.perf.utils.js",
  "node.internal.policy.manifest.js",
  "node.internal.policy.sri.js",
  "node.internal.priority_queue.js",
  "node.internal.process.policy.js",
  "node.internal.promise_hooks.js",
  "node.internal.readline.callbacks.js",
  "node.internal.readline.emitKeypressEvents.js",
  "node.internal.readline.interface.js",
  "node.internal.readline.promises.js",
  "node.internal.readline.utils.js",
  "node.internal.repl.await.js",
  "node.internal.repl.history.js",
  "node.internal.repl.js",
  "node.internal.repl.utils.js",
  "node.internal.source_map.prepare_stack_trace.js",
  "node.internal.source_map.source_map.js",
  "node.internal.source_map.source_map_cache.js",
  "node.internal.streams.compose.js",
  "node.internal.streams.duplexify.js",
  "node.internal.streams.operators.js",
  "node.internal.streams.utils.js",
  "node.internal.test_runner.coverage.js",
  "node.internal.test_runner.harness.js",
  "node.internal.test_runner.mock.mock.js",
  "node.internal.test_runner.mock.mock_timers.js",
  "node.internal.test_runner.reporter.dot.js",
  "node.internal.test_runner.reporter.junit.js",
  "node.internal.test_runner.reporter.spec.js",
  "node.internal.test_runner.reporter.tap.js",
  "node.internal.test_runner.reporter.v8-serializer.js",
  "node.internal.test_runner.runner.js",
  "node.internal.test_runner.test.js",
  "node.internal.test_runner.tests_stream.js",
  "node.internal.test_runner.utils.js",
  "node.internal.util.colors.js",
  "node.internal.util.iterable_weak_map.js",
  "node.internal.util.parse_args.parse_args.js",
  "node.internal.util.parse_args.utils.js",
  "node.internal.validators.js",
  "node.internal.vm.module.js",
  "node.internal.watch_mode.files_watcher.js",
  "node.internal.webidl.js",
  "node.internal.webstreams.adapters.js",
  "node.internal.webstreams.compression.js",
  "node.internal.webstreams.encoding.js",
  "node.internal.webstreams.queuingstrategies.js",
  "node.internal.webstreams.readablestream.js",
  "node.internal.webstreams.transfer.js",
  "node.internal.webstreams.transformstream.js",
  "node.internal.webstreams.util.js",
  "node.internal.webstreams.writablestream.js",
  "node.perf_hooks.js",
  "node.readline.js",
  "node.readline.promises.js",
  "node.repl.js",
  "node.stream.web.js",
  "node.test.js",
  "node.trace_events.js",
]

let package = Package(
  name: "fe",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "fe", targets: ["fe"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
  ],
  targets: [
    // C and C++ boundaries.
    .target(
      name: "CFeV8",
      path: "Shim",
      exclude: ["napi.list"],
      // libnode-dev keeps v8-inspector.h only beside V8's other headers under nodejs/deps (same V8).
      cxxSettings: [
        .unsafeFlags([
          "-I\(libnode)/include", "-idirafter", "\(libnode)/include/../nodejs/deps/v8/include", "-fno-exceptions",
          "-fno-rtti",
        ])
      ],
      linkerSettings: [
        .linkedLibrary("node"),
        .unsafeFlags([
          "-L\(libnode)/lib",
          "-Xlinker", "-rpath", "-Xlinker", "$ORIGIN/../lib/fe",
          "-Xlinker", "-rpath", "-Xlinker", "\(libnode)/lib",
          // Node-API addons bind to the executable's napi_* (Shim/src/napi/), not libnode's.
          "-Xlinker", "--dynamic-list=\(root)/Shim/napi.list",
        ]),
      ]
    ),
    // XXH3 from Debian's libxxhash-dev, compiled in from its header (snapshot checksums).
    .target(name: "CXXHash", path: "Sources/CXXHash"),
    .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
    .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
    // libcurl, loaded with dlopen on first use (see Sources/CCurl/include/shim.h).
    .target(name: "CCurl", path: "Sources/CCurl"),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
    // libarchive from Debian's libarchive-dev: its headers; FeNpm loads it with dlopen to unpack npm tarballs.
    .systemLibrary(name: "CLibArchive", path: "Sources/CLibArchive"),
    // nghttp2's API, declared (Debian ships no headers with libnghttp2.so.14); FeRuntime dlopens it for http2.
    .systemLibrary(name: "CNghttp2", path: "Sources/CNghttp2"),

    // Swift modules, one per concern.
    .target(name: "FeBasics", dependencies: ["CCrypto"]),
    .target(name: "FeSemver"),
    // The network layer over libcurl that the registry client and fetch share.
    .target(name: "FeNet", dependencies: ["FeBasics", "CCurl"]),
    .target(name: "FeEngine", dependencies: ["CFeV8", "CXXHash", "FeBasics"]),
    .target(
      name: "FeRuntime",
      dependencies: [
        "FeEngine", "FeBasics", "FeNet", "CCrypto", "CCurl", "CZlib", "CXXHash", "CNghttp2",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      exclude: ["NodeLib/LICENSE", "NodeLib/README.md"],
      resources: runtimeJS.map { .embedInCode("JS/\($0)") } + nodeLib.map { .embedInCode("NodeLib/\($0)") }
    ),
    .target(name: "FeConfig", dependencies: ["FeRuntime", "FeSemver", "FeBasics"]),
    .target(name: "FeStore", dependencies: ["FeBasics", "FeSemver", "CZstd", "CXXHash"]),
    .target(name: "FeRegistry", dependencies: ["FeBasics", "FeSemver", "FeStore", "FeNet", "CCurl", "CCrypto", "CZstd"]),
    // npm registries: .npmrc, packuments, version selection, the dependency tree, tarballs.
    .target(name: "FeNpm", dependencies: ["FeBasics", "FeSemver", "FeStore", "FeRegistry", "CCrypto", "CLibArchive"]),
    // Launch, build and install: config → pinned version → verified blob → boot → run, and the
    // blob builder and installers the commands share. Everything but the command line.
    .target(
      name: "FeLaunch",
      dependencies: ["FeBasics", "FeSemver", "FeEngine", "FeRuntime", "FeConfig", "FeStore", "FeRegistry", "FeNpm"]
    ),
    // The command line: @main, argument parsing and one small type per command.
    .target(
      name: "FeCLI",
      dependencies: [
        "FeBasics", "FeSemver", "FeEngine", "FeRuntime", "FeConfig", "FeStore", "FeRegistry", "FeNpm", "FeLaunch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "fe", dependencies: ["FeCLI"]),

    // What every test target shares: temporary directories, the fe-binary harness (Fe.run,
    // Sandbox, SharedStore, Proc) and the runtime's base snapshot.
    .target(name: "FeTestSupport", dependencies: ["FeBasics", "FeRuntime"], path: "Tests/FeTestSupport"),
    .testTarget(name: "FeSemverTests", dependencies: ["FeSemver"]),
    .testTarget(name: "FeNetTests", dependencies: ["FeNet", "FeTestSupport", "fe"]),
    .testTarget(name: "FeStoreTests", dependencies: ["FeStore", "FeBasics", "FeTestSupport"]),
    .testTarget(
      name: "FeRegistryTests", dependencies: ["FeRegistry", "FeStore", "FeBasics", "FeSemver", "FeTestSupport", "fe"],
      exclude: ["Fixtures"]),
    .testTarget(name: "FeNpmTests", dependencies: ["FeNpm", "FeRegistry", "FeBasics", "FeSemver", "FeTestSupport", "fe"]),
    .testTarget(name: "FeEngineTests", dependencies: ["CFeV8", "FeEngine", "FeRuntime", "FeTestSupport"]),
    .testTarget(name: "FeConfigTests", dependencies: ["FeConfig", "FeRuntime", "FeTestSupport"]),
    .testTarget(name: "FeLaunchTests", dependencies: ["FeLaunch", "FeStore", "FeBasics", "FeTestSupport", "fe"]),
    .testTarget(name: "FeCLITests", dependencies: ["FeCLI", "FeLaunch", "FeTestSupport", "fe"], exclude: ["Fixtures"]),
    // Golden JS tests: every Golden/<area>/<name>.js runs under `fe blobs run` (and under node,
    // when installed) and must print <name>.out.
    .testTarget(name: "FeRuntimeTests", dependencies: ["FeTestSupport", "fe"], exclude: ["Golden", "Fixtures"]),
  ],
  // Swift 5 mode: the runtime hands work between threads through its own locked queue (one
  // JS thread by design), which Swift 6's checker cannot see through without wrappers everywhere.
  swiftLanguageModes: [.v5],
  cxxLanguageStandard: .gnucxx17
)
