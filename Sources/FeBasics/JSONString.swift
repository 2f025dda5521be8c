/// JSON string literals, for the JSON fe writes itself (fe.lock, --json output, values handed to
/// V8): quotes, backslashes and control characters escaped; everything else kept as it is (JSON
/// is UTF-8, so non-ASCII needs no escape).
public enum JSONString {
  /// `s` as a JSON string literal, quotes included.
  public static func quote(_ s: String) -> String {
    var out = ""
    quote(s, into: &out)
    return out
  }

  /// Appends `s` as a JSON string literal to `out` (no intermediate string for large documents).
  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where u.value < 0x20:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(u)
      }
    }
    out += "\""
  }
}
