/// A response's status line and headers, as libcurl hands them over line by line.
public struct HTTPResponseHead: Sendable, Equatable {
  public struct Field: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public var status: Int
  /// The reason phrase ("" for HTTP/2, which has none).
  public var statusText: String
  /// In arrival order, names as the server spelt them; a repeated header appears each time.
  public var fields: [Field]

  public init(status: Int = 0, statusText: String = "", fields: [Field] = []) {
    self.status = status
    self.statusText = statusText
    self.fields = fields
  }

  /// The last value of the header named `name` (case-insensitive).
  public subscript(_ name: String) -> String? {
    let lower = name.lowercased()
    return fields.last { $0.name.lowercased() == lower }?.value
  }
}

/// Builds the head of each response from libcurl's header callback, one line at a time:
/// a status line starts a response (the first, or the real one after a 1xx), the blank line
/// ends it, an obsolete folded line continues the previous value, and lines after the head
/// (trailers) are ignored. Bytes are read as latin1, as undici reads them.
public struct HTTPHeadParser: Sendable {
  /// The response being read (complete once `feed` has returned it).
  public private(set) var head = HTTPResponseHead()
  /// Between a status line and the blank line after its headers.
  public private(set) var inHead = false

  public init() {}

  /// Reads one raw header line; returns the head when this line completes a final (non-1xx) one.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> HTTPResponseHead? {
    var line = ""
    line.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
    return feed(line)
  }

  public mutating func feed(_ raw: String) -> HTTPResponseHead? {
    let text = raw.trimmingLineEnd()
    if text.hasPrefix("HTTP/") {
      let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      head = HTTPResponseHead(
        status: parts.count > 1 ? Int(parts[1]) ?? 0 : 0, statusText: parts.count > 2 ? String(parts[2]) : "")
      inHead = true
      return nil
    }
    guard inHead else { return nil }  // trailers
    if text.isEmpty {
      if (100..<200).contains(head.status) { return nil }
      inHead = false
      return head
    }
    if text.first == " " || text.first == "\t", let last = head.fields.popLast() {
      head.fields.append(.init(last.name, last.value + " " + text.trimmingWhitespace()))
      return nil
    }
    guard let colon = text.firstIndex(of: ":") else { return nil }
    head.fields.append(
      .init(String(text[..<colon]).trimmingWhitespace(), String(text[text.index(after: colon)...]).trimmingWhitespace()))
    return nil
  }
}

extension StringProtocol {
  fileprivate func trimmingLineEnd() -> String {
    var s = Substring(self)
    while let last = s.last, last == "\r" || last == "\n" || last == "\r\n" { s = s.dropLast() }
    return String(s)
  }

  fileprivate func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
  }
}
