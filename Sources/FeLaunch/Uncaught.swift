import FeEngine

/// How an exception that escaped a tool is printed (Node's layout): where it was thrown, the
/// source line with a caret, then the stack.
public enum Uncaught {
  public static func describe(_ e: JSError) -> String {
    var out = ""
    if let location = e.location {
      out += location + "\n"
      if let source = e.sourceLine, !source.isEmpty, let column = e.column, column > 0 {
        out += source + "\n" + String(repeating: " ", count: column - 1) + "^\n"
      }
      out += "\n"
    }
    out += e.stack ?? e.message
    return out
  }
}
