import FeEngine

/// How an exception that escaped a tool is printed (Node's layout): where it was thrown, the
/// source line with a caret, then the stack.
public enum Uncaught {
  public static func describe(_ e: JSError) -> String {
    var out = ""
    if let location = e.location, !(e.stack.map(startsWithArrow) ?? false) {
      out += location + "\n"
      if let source = e.sourceLine, !source.isEmpty, let column = e.column, column > 0 {
        out += source + "\n" + String(repeating: " ", count: column - 1) + "^\n"
      }
      out += "\n"
    }
    out += e.stack ?? e.message
    return out
  }

  /// Whether a stack already begins with where it was thrown ("file:line", the source line and
  /// carets, a blank line), as vm's displayErrors makes it: Node prints no second one.
  static func startsWithArrow(_ stack: String) -> Bool {
    let lines = stack.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false)
    guard lines.count > 4, let colon = lines[0].lastIndex(of: ":") else { return false }
    let lineNumber = lines[0][lines[0].index(after: colon)...]
    return !lineNumber.isEmpty && lineNumber.allSatisfy(\.isNumber)
      && lines[2].allSatisfy { $0 == " " || $0 == "\t" || $0 == "^" } && lines[3].isEmpty
  }
}
