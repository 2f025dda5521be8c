import FeBasics

/// Packuments kept on disk with the validators they came with, so a later install asks the
/// registry "changed since?" (If-None-Match / If-Modified-Since) and a 304 costs no body.
/// One file per document URL and Accept kind: `<dir>/<sha256 of both>.json` holds the body,
/// `.meta` beside it the ETag and Last-Modified; each written atomically, body first, so a
/// reader never pairs a body with validators of another.
struct MetadataCache {
  let dir: String

  struct Entry {
    var body: [UInt8]
    var etag: String?
    var lastModified: String?
  }

  private func base(_ url: String, _ kind: String) -> String { Path.join(dir, SHA256.hex(kind + "\n" + url)) }

  /// `kind`: "abbreviated" or "full", the two forms a registry serves at one URL.
  func read(_ url: String, kind: String = "abbreviated") -> Entry? {
    let b = base(url, kind)
    guard let body = try? FileSystem.read(b + ".json"), let meta = try? FileSystem.readString(b + ".meta") else { return nil }
    var entry = Entry(body: body)
    for line in meta.split(separator: "\n") {
      if line.hasPrefix("etag: ") { entry.etag = String(line.dropFirst(6)) }
      if line.hasPrefix("last-modified: ") { entry.lastModified = String(line.dropFirst(15)) }
    }
    return entry
  }

  /// Best effort: a cache that cannot be written only costs a download next time.
  func write(_ url: String, _ entry: Entry, kind: String = "abbreviated") {
    let b = base(url, kind)
    guard (try? FileSystem.createDirectory(dir)) != nil else { return }
    var meta = "url: \(url)\n"
    if let e = entry.etag { meta += "etag: \(e)\n" }
    if let l = entry.lastModified { meta += "last-modified: \(l)\n" }
    // The old validators go first, so a crash between the two writes leaves a body with no
    // validators (refetched), never new validators on an old body.
    try? FileSystem.writeAtomically(b + ".meta", Array("url: \(url)\n".utf8))
    guard (try? FileSystem.writeAtomically(b + ".json", entry.body)) != nil else { return }
    try? FileSystem.writeAtomically(b + ".meta", Array(meta.utf8))
  }
}
