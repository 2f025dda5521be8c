import FeEngine

/// Node's "arrow" (node_errors.cc GetErrorSource): the script and line of the exception just
/// caught, its source line, and carets under what V8 points at. vm's displayErrors and
/// CommonJS compile errors put it at the head of the error's stack.
enum ErrorArrow {
  typealias Location = (file: String?, line: Int, column: Int, endColumn: Int, sourceLine: String?)

  static func text(_ s: Scope, lineOffset: Int = 0, columnOffset: Int = 0) -> String? {
    s.exceptionLocation().flatMap { text($0, lineOffset: lineOffset, columnOffset: columnOffset) }
  }

  /// The arrow for a location: an exception's, or where an error was made (Scope.errorLocation).
  static func text(_ at: Location, lineOffset: Int = 0, columnOffset: Int = 0) -> String? {
    guard let sourceLine = at.sourceLine else { return nil }
    let head = "\(at.file ?? ""):\(at.line)\n\(sourceLine)\n"
    let scriptStart = at.line - lineOffset == 1 ? columnOffset : 0
    var (start, end) = (at.column - 1, at.endColumn)
    if start >= scriptStart {
      start -= scriptStart
      end -= scriptStart
    }
    let units = Array(sourceLine.utf16)
    guard start >= 0, start <= end, end <= units.count else { return head }
    let pad = units[..<start].map { $0 == 9 ? "\t" : " " }.joined()
    return head + pad + String(repeating: "^", count: end - start) + "\n"
  }

  /// Hands `error` and its arrow to `decorate` (the runtime's JS, which knows whether the error
  /// already has one), when `decorate` is a function.
  static func decorate(_ s: Scope, _ error: Local, with decorate: Local, lineOffset: Int = 0, columnOffset: Int = 0) {
    guard s.type(decorate) == .function, let arrow = text(s, lineOffset: lineOffset, columnOffset: columnOffset) else { return }
    _ = try? s.call(decorate, [error, s.string(arrow)])
  }
}
