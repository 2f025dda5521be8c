import ArgumentParser
import FeBasics
import FeConfig
import FeEngine
import FeLaunch
import FeSemver
import FeStore

extension BlobsCommand {
  struct List: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "List installed blobs: tool, version, size, engine id, path (* = pinned here), then disk use per tool.")

    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      let blobs = store.installed()
      let pinned = Pinned.versions(c, store)
      if output.json {
        c.out(JSValue.array(blobs.map { BlobJSON.entry($0, pinned: pinned.contains($0.spec)) }).json)
        return
      }
      if output.quiet { return }
      if blobs.isEmpty {
        c.out("no blobs installed in \(c.layout.blobsDir)")
        return
      }
      let rows = blobs.map { b -> [String] in
        [
          pinned.contains(b.spec) ? "*" : " ", b.tool, b.version, ByteCount.format(b.diskSize), b.manifest.map { $0.engineId ?? "(snapshot not built yet)" } ?? "(unreadable)",
          b.path,
        ]
      }
      let header = [" ", "TOOL", "VERSION", "SIZE", "ENGINE", "PATH"]
      let widths = (0..<header.count).map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
      for row in [header] + rows {
        c.out(row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padding(to: widths[i]) }.joined(separator: " "))
      }
      c.out("")
      c.out(DiskUse.table(blobs, store: c.layout.blobsDir).joined(separator: "\n"))
    }
  }
}

enum Pinned {
  /// `tool@version` of each blob the current project resolves to (best effort: a broken config
  /// must not break `list`).
  static func versions(_ c: FeContext, _ store: BlobStore) -> Set<String> {
    guard let config = try? Launcher(context: c).loadConfig(required: false) else { return [] }
    let pinned = PinnedVersion(context: c, store: store, config: config)
    var out = Set<String>()
    for tool in config.pins.keys {
      if let s = try? config.selector(for: tool), let v = try? pinned.resolve(tool: tool, selector: s, missing: .fail) {
        out.insert("\(tool)@\(v.version)")
      }
    }
    return out
  }
}

enum BlobJSON {
  static func entry(_ b: InstalledBlob, pinned: Bool) -> JSValue {
    .object([
      ("tool", .string(b.tool)),
      ("version", .string(b.version)),
      ("size", .number(Double(b.diskSize))),
      ("engineId", b.manifest?.engineId.map { .string($0) } ?? .null),
      ("kind", b.manifest.map { .string($0.kind.rawValue) } ?? .null),
      ("path", .string(b.path)),
      ("pinned", .bool(pinned)),
    ])
  }
}

/// Disk use per tool and in total, under `fe blobs list`.
enum DiskUse {
  static func table(_ blobs: [InstalledBlob], store: String) -> [String] {
    var tools: [(name: String, count: Int, size: Int)] = []
    for b in blobs {
      if tools.last?.name == b.tool {
        tools[tools.count - 1].count += 1
        tools[tools.count - 1].size += b.diskSize
      } else {
        tools.append((b.tool, 1, b.diskSize))
      }
    }
    let total = (name: "total", count: blobs.count, size: blobs.reduce(0) { $0 + $1.diskSize })
    let rows =
      [["DISK USE", "VERSIONS", "SIZE"]]
      + (tools + [total]).map { [$0.name, "\($0.count)", ByteCount.format($0.size)] }
    let widths = (0..<3).map { i in rows.map { $0[i].count }.max() ?? 0 }
    return rows.enumerated().map { n, row in
      row[0].padding(to: widths[0]) + " " + row[1].padding(to: widths[1]) + " " + row[2] + (n == rows.count - 1 ? "  in \(store)" : "")
    }
  }
}

enum ByteCount {
  static func format(_ n: Int) -> String {
    let units = ["B", "KB", "MB", "GB"]
    var v = Double(n)
    var i = 0
    while v >= 1000 && i < units.count - 1 {
      v /= 1000
      i += 1
    }
    return i == 0 ? "\(n) B" : "\((v * 10).rounded() / 10) \(units[i])"
  }
}

extension String {
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
