import FeBasics
import FeEngine

/// Config problems, each one line naming the file (and line:column when JS knows it).
enum ConfigError {
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

  static func threw(_ path: String, _ e: JSError) -> FeError {
    let at = e.location ?? path
    let firstLine = e.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? e.message
    var message = "\(at): \(firstLine)"
    if let source = e.sourceLine, let column = e.column, column > 0 {
      message += "\n    \(source)\n    \(String(repeating: " ", count: column - 1))^"
    }
    return FeError(.config, message, hint: "fix \(Path.basename(path)) (it is evaluated by fe, like a Node module)")
  }

  static func timedOut(_ path: String, seconds: Double) -> FeError {
    FeError(
      .config, "\(path) did not finish evaluating within \(Int(seconds)) s",
      hint: "a config must return its settings promptly: look for an endless loop or a timer that never stops")
  }

  static func neverSettled(_ path: String) -> FeError {
    FeError(
      .config, "\(path) returned a promise that never settles",
      hint: "make the exported function resolve (or return the settings object directly)")
  }
}
