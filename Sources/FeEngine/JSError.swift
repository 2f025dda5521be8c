/// A JavaScript exception that reached Swift, with where it was thrown.
public struct JSError: Error, CustomStringConvertible, Sendable {
  /// `String(error)`: "TypeError: x is not a function".
  public var message: String
  /// `error.stack` when the thrown value had one (it includes the message line).
  public var stack: String?
  /// Where V8 says it was thrown (SyntaxErrors carry their location only here).
  public var file: String?
  public var line: Int?
  public var column: Int?
  public var sourceLine: String?
  /// The thrown value as data, when it was an object (code, path… of Node-style errors).
  public var value: JSValue

  public init(
    message: String, stack: String? = nil, file: String? = nil, line: Int? = nil,
    column: Int? = nil, sourceLine: String? = nil, value: JSValue = .undefined
  ) {
    self.message = message
    self.stack = stack
    self.file = file
    self.line = line
    self.column = column
    self.sourceLine = sourceLine
    self.value = value
  }

  /// `file:line:col`, if known.
  public var location: String? {
    guard let file, let line else { return nil }
    return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
  }

  public var description: String {
    if let stack, stack.contains("\n    at ") { return stack }
    if let location { return "\(location)\n\(message)" }
    return message
  }
}

/// Execution was stopped by `Isolate.terminate()` (a time limit, or process.exit()).
public struct JSTerminated: Error, Sendable {
  public init() {}
}
