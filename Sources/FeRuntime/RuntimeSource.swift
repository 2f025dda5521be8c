/// The runtime's JavaScript: files in JS/ compiled into fe, joined in this order as the body of
/// the bootstrap function `(function (ops) { … return core })`. They share one scope; a file
/// may use what an earlier one defines. The joined text is part of the engine id.
enum RuntimeSource {
  static let files: [(name: String, bytes: [UInt8])] = [
    ("core.js", PackageResources.core_js),
    ("inspect.js", PackageResources.inspect_js),
    ("loop.js", PackageResources.loop_js),
    ("events.js", PackageResources.events_js),
    ("process.js", PackageResources.process_js),
    ("console.js", PackageResources.console_js),
    ("path.js", PackageResources.path_js),
    ("fs.js", PackageResources.fs_js),
    ("url.js", PackageResources.url_js),
    ("builtins.js", PackageResources.builtins_js),
    ("buffer.js", PackageResources.buffer_js),
    ("web.js", PackageResources.web_js),
    ("string_decoder.js", PackageResources.string_decoder_js),
    ("assert.js", PackageResources.assert_js),
    ("streams.js", PackageResources.streams_js),
    ("child_process.js", PackageResources.child_process_js),
    ("crypto.js", PackageResources.crypto_js),
    ("fetch.js", PackageResources.fetch_js),
    ("cjs.js", PackageResources.cjs_js),
    ("tty.js", PackageResources.tty_js),
    ("readline.js", PackageResources.readline_js),
    ("zlib.js", PackageResources.zlib_js),
    ("vm.js", PackageResources.vm_js),
    ("querystring.js", PackageResources.querystring_js),
    ("punycode.js", PackageResources.punycode_js),
    ("timers_promises.js", PackageResources.timers_promises_js),
    ("http.js", PackageResources.http_js),
    ("globals.js", PackageResources.globals_js),
  ]

  static let text: String = files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
}
