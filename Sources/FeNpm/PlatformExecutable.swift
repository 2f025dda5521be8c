import FeBasics
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// Finds the native executable an installed tool's bin is, or runs, so that the launch can exec
/// it directly instead of booting V8 to run a JS launcher that would only spawn it. One rule,
/// in this order:
///
/// 1. the bin file itself is a native executable for this machine (`NativeExecutable.isNative`:
///    an ELF executable of this machine's class and architecture, with an executable bit);
/// 2. else the bin is a JS launcher, and exactly one of the tool package's `dependencies` or
///    `optionalDependencies`, found from it as Node's resolution finds it, is a platform package
///    (its package.json restricts `os` or `cpu`, and `os`, `cpu` and `libc` all allow this
///    machine) that holds a native executable named after the bin: the file its own `bin` of
///    that name points to, else a file of that name anywhere in it outside `node_modules`
///    (`@esbuild/linux-x64/bin/esbuild`, `@biomejs/cli-linux-x64/biome`,
///    `@typescript/native-preview-linux-x64/lib/tsgo`). Several candidates: none is chosen.
///
/// With rule 2 the launcher's environment variables are recorded too (`process.env.NAME`,
/// `process.env["NAME"]` and an upper-case `env.NAME` in the bin file and the files it requires
/// relatively): when one is set at launch, the launcher runs instead (ESBUILD_BINARY_PATH
/// chooses another executable).
public enum PlatformExecutable {
  /// `image`: the package image; `package`: the tool package's path in it
  /// (`node_modules/esbuild`); `bin`/`binPath`: the chosen bin's name and its path in the package.
  public static func find(image: String, package: String, bin: String, binPath: String) -> NativeExecutable? {
    let packageDir = Path.join(image, package)
    guard let facts = facts(packageDir) else { return nil }
    let binRel = String(Path.normalize(binPath).dropFirst())
    guard !binRel.isEmpty else { return nil }
    if NativeExecutable.isNative(Path.join(packageDir, binRel)) {
      return NativeExecutable(path: Path.join(package, binRel), package: facts.id)
    }
    var found: [NativeExecutable] = []
    for name in facts.dependencies {
      guard let dir = resolve(name, from: package, image: image), let dep = Self.facts(Path.join(image, dir)),
        dep.isPlatformPackage, dep.fits(.current), let file = executable(named: bin, in: Path.join(image, dir), declared: dep.bins[bin])
      else { continue }
      found.append(NativeExecutable(path: Path.join(dir, file), package: dep.id))
    }
    guard found.count == 1, var native = found.first else { return nil }
    native.launcherEnv = launcherEnvironment(packageDir: packageDir, bin: binRel)
    return native
  }

  /// What this rule reads of a package.json.
  struct Facts {
    let id: String
    let dependencies: [String]
    let bins: [String: String]
    let os: [String]
    let cpu: [String]
    let libc: [String]

    var isPlatformPackage: Bool { !os.isEmpty || !cpu.isEmpty }

    func fits(_ p: Platform) -> Bool {
      Platform.allows(os, p.os) && Platform.allows(cpu, p.cpu) && (p.libc.map { Platform.allows(libc, $0) } ?? true)
    }
  }

  static func facts(_ dir: String) -> Facts? {
    guard let bytes = try? FileSystem.read(Path.join(dir, "package.json")), let json = JSONValue.parse(bytes),
      let name = json["name"]?.string, let version = json["version"]?.string, let packageName = PackageName(name)
    else { return nil }
    let deps = Set(json["dependencies"]?.stringMap.keys.map { $0 } ?? []).union(json["optionalDependencies"]?.stringMap.keys.map { $0 } ?? [])
    return Facts(
      id: "\(name)@\(version)", dependencies: deps.sorted(), bins: Manifest.bins(json["bin"], packageName: packageName),
      os: json["os"]?.stringList ?? [], cpu: json["cpu"]?.stringList ?? [], libc: json["libc"]?.stringList ?? [])
  }

  /// The directory (relative to the image) where Node's resolution from `package` finds `name`:
  /// `<package>/node_modules/<name>`, then each enclosing `node_modules` up to the image's own.
  static func resolve(_ name: String, from package: String, image: String) -> String? {
    guard PackageName(name) != nil else { return nil }
    var dir = package
    while true {
      let candidate = Path.join(dir, "node_modules", name)
      if FileSystem.isDirectory(Path.join(image, candidate)) { return candidate }
      // Up to the directory holding the node_modules that holds `dir`.
      let parts = dir.split(separator: "/").map(String.init)
      guard let at = parts.lastIndex(of: "node_modules") else { return nil }
      dir = parts[..<at].joined(separator: "/")
      if dir.isEmpty {
        let top = Path.join("node_modules", name)
        return FileSystem.isDirectory(Path.join(image, top)) ? top : nil
      }
    }
  }

  /// The native executable named `bin` in the platform package at `dir` (relative to it): the
  /// package's own bin of that name when it is one, else the only file of that name outside
  /// `node_modules` (three levels deep at most).
  static func executable(named bin: String, in dir: String, declared: String?) -> String? {
    if let declared {
      let rel = String(Path.normalize(declared).dropFirst())
      if !rel.isEmpty, NativeExecutable.isNative(Path.join(dir, rel)) { return rel }
    }
    var matches: [String] = []
    func walk(_ rel: String, depth: Int) {
      for name in FileSystem.listDirectory(rel.isEmpty ? dir : Path.join(dir, rel)).sorted() where name != "node_modules" {
        let entry = rel.isEmpty ? name : rel + "/" + name
        let full = Path.join(dir, entry)
        if name == bin, NativeExecutable.isNative(full) {
          matches.append(entry)
        } else if depth < 3, FileSystem.isDirectory(full), !isLink(full) {
          walk(entry, depth: depth + 1)
        }
      }
    }
    walk("", depth: 1)
    return matches.count == 1 ? matches[0] : nil
  }

  static func isLink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
  }

  /// The environment variables the launcher at `bin` (in `packageDir`) reads, with the files it
  /// requires relatively (16 files at most), sorted.
  static func launcherEnvironment(packageDir: String, bin: String) -> [String] {
    var names = Set<String>()
    var queue = [bin]
    var seen = Set<String>()
    while let rel = queue.first, seen.count < 16 {
      queue.removeFirst()
      guard seen.insert(rel).inserted, let bytes = try? FileSystem.read(Path.join(packageDir, rel)) else { continue }
      let scan = SourceScan(bytes)
      names.formUnion(scan.environmentNames())
      for target in scan.relativeRequires() {
        var next = String(Path.normalize(Path.join("/", Path.dirname(rel), target)).dropFirst())
        if !FileSystem.isFile(Path.join(packageDir, next)), FileSystem.isFile(Path.join(packageDir, next + ".js")) { next += ".js" }
        if FileSystem.isFile(Path.join(packageDir, next)), !seen.contains(next) { queue.append(next) }
      }
    }
    return names.sorted()
  }
}

/// A byte-level scan of JavaScript source for what `PlatformExecutable` wants to know; it does
/// not parse, so a name in a comment counts too (the launcher then runs when it is set: safe).
struct SourceScan {
  let bytes: [UInt8]
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  static func isIdentifier(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24
  }

  /// `process.env.NAME`, `process.env["NAME"]`/`['NAME']`, and `env.NAME` (upper case only) not
  /// preceded by an identifier character or a dot.
  func environmentNames() -> Set<String> {
    var out = Set<String>()
    for (prefix, upperOnly) in [("process.env", false), ("env", true)] {
      let p = Array(prefix.utf8)
      var i = 0
      while let at = find(p, from: i) {
        i = at + p.count
        if at > 0, Self.isIdentifier(bytes[at - 1]) || bytes[at - 1] == 0x2E { continue }
        guard i < bytes.count else { break }
        var name: [UInt8] = []
        if bytes[i] == 0x2E {  // .NAME
          var j = i + 1
          while j < bytes.count, Self.isIdentifier(bytes[j]) { j += 1 }
          name = Array(bytes[(i + 1)..<j])
        } else if bytes[i] == 0x5B, i + 1 < bytes.count, bytes[i + 1] == 0x22 || bytes[i + 1] == 0x27 {  // ["NAME"]
          let quote = bytes[i + 1]
          var j = i + 2
          while j < bytes.count, bytes[j] != quote, Self.isIdentifier(bytes[j]) { j += 1 }
          if j < bytes.count, bytes[j] == quote { name = Array(bytes[(i + 2)..<j]) }
        }
        guard let first = name.first, !(first >= 0x30 && first <= 0x39) else { continue }
        if upperOnly && name.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { continue }
        out.insert(String(decoding: name, as: UTF8.self))
      }
    }
    return out
  }

  /// String literals starting with `./` or `../` right after `require(`, `import(` or `from `.
  func relativeRequires() -> [String] {
    var out: [String] = []
    for p in ["require(", "import(", "from "].map({ Array($0.utf8) }) {
      var i = 0
      while let at = find(p, from: i) {
        i = at + p.count
        var j = i
        while j < bytes.count, bytes[j] == 0x20 { j += 1 }
        guard j < bytes.count, bytes[j] == 0x22 || bytes[j] == 0x27 || bytes[j] == 0x60 else { continue }
        let quote = bytes[j]
        var k = j + 1
        while k < bytes.count, bytes[k] != quote, bytes[k] != 0x0A, k - j < 512 { k += 1 }
        guard k < bytes.count, bytes[k] == quote else { continue }
        let text = String(decoding: bytes[(j + 1)..<k], as: UTF8.self)
        if text.hasPrefix("./") || text.hasPrefix("../") { out.append(text) }
      }
    }
    return out
  }

  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
    var i = start
    let last = bytes.count - needle.count
    outer: while i <= last {
      defer { i += 1 }
      for k in 0..<needle.count where bytes[i + k] != needle[k] { continue outer }
      return i
    }
    return nil
  }
}
