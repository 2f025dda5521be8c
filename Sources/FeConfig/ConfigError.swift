import FeBasics
import FeEngine

/// Config problems, each one line naming the file (and line:column when JS knows it).
public enum ConfigError {
  static func invalid(_ path: String, _ what: String) -> FeError {
    FeError(.config, "\(path): \(what)", hint: "fix \(Path.basename(path)); see fe.config.js.example")
  }

  static func notFound(from cwd: String) -> FeError {
    FeError(
      .config, "no fe.config.js in \(cwd) or any directory above it",
      hint: "create one, e.g. `export default { fe: \"^2\" }`, or point FE_CONFIG at one")
  }

  static func missing(_ path: String) -> FeError {
    FeError(.config, "FE_CONFIG names \(path), which does not exist", hint: "fix FE_CONFIG or unset it")
  }

  static func notAFile(_ path: String) -> FeError {
    FeError(.config, "\(path) is not a regular file", hint: "fe.config.js must be a JavaScript file; rename or remove what stands there")
  }

  static func threw(_ path: String, _ e: JSError) -> FeError {
    let firstLine = e.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? e.message
    // Where the config went wrong: V8's location, unless that is inside fe's runtime (an op
    // the sandbox refused), in which case the first stack frame in the user's code.
    var at = e.location.map(displayPath) ?? path
    var showSource = true
    if e.file == nil || e.file?.hasPrefix("fe:") == true {
      showSource = false
      at = userFrame(e.stack) ?? path
    }
    var message = "\(at): \(firstLine)"
    if showSource, let source = e.sourceLine, let column = e.column, column > 0, !source.isEmpty {
      message += "\n    \(source)\n    \(String(repeating: " ", count: column - 1))^"
    }
    return FeError(.config, message, hint: "fix \(Path.basename(path)) (it is evaluated by fe, like a Node module)")
  }

  /// `file:///x/fe.config.js:2:7` → `/x/fe.config.js:2:7`.
  static func displayPath(_ location: String) -> String {
    guard location.hasPrefix("file://") else { return location }
    var rest = Substring(location.dropFirst("file://".count))
    if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
    return String(rest).removingPercentEncoding
  }

  /// The first `file:line:col` of a stack that is not fe's own runtime.
  static func userFrame(_ stack: String?) -> String? {
    for line in (stack ?? "").split(separator: "\n") where line.hasPrefix("    at ") {
      var frame = line.dropFirst("    at ".count)
      if let open = frame.lastIndex(of: "("), frame.hasSuffix(")") {
        frame = frame[frame.index(after: open)..<frame.index(before: frame.endIndex)]
      }
      if frame.hasPrefix("fe:") || frame.hasPrefix("native") || !frame.contains(":") { continue }
      return displayPath(String(frame))
    }
    return nil
  }

  public static func timedOut(_ path: String, seconds: Double) -> FeError {
    FeError(
      .config, "\(path) did not finish evaluating within \(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) s",
      hint: "a config must return its settings promptly: look for an endless loop or a timer that never stops")
  }

  static func outOfMemory(_ path: String, _ limit: Isolate.LimitReached) -> FeError {
    let what: String
    switch limit {
    case .heap: what = "its JavaScript heap limit (\(ConfigEvaluator.limits.heapBytes >> 20) MB)"
    case .external: what = "its limit for Buffers and typed arrays (\(ConfigEvaluator.limits.externalBytes >> 20) MB)"
    }
    return outOfMemory(path, what: what)
  }

  public static func outOfMemory(_ path: String, what: String) -> FeError {
    FeError(
      .config, "\(path) ran out of memory: it reached \(what)",
      hint: "a config should only compute settings: look for a loop that keeps allocating, or a large file read whole")
  }

  public static func crashed(_ path: String, _ how: String) -> FeError {
    FeError(
      .config, "evaluating \(path) stopped fe's config sandbox (\(how))", hint: "this is a bug in fe; please report it with the config")
  }

  static func neverSettled(_ path: String) -> FeError {
    FeError(
      .config, "\(path) returned a promise that never settles",
      hint: "make the exported function resolve (or return the settings object directly)")
  }
}

extension String {
  var removingPercentEncoding: String {
    var bytes: [UInt8] = []
    var it = Array(utf8).makeIterator()
    while let b = it.next() {
      if b == UInt8(ascii: "%"), let h = it.next(), let l = it.next(),
        let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16)
      {
        bytes.append(v)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
