// Issue 12, item 5: the same source gives the same bytes. A source directory or an npm package
// bundled by esbuild gives a byte-identical source.js (so the same sha256 in fe.lock) wherever
// the source lives and whatever directory fe runs from.
import Foundation
import Testing

@Suite struct ReproducibleBundleTests: StoreFileTests {

  /// `cp -R from to`, creating `to`'s parents.
  func copy(_ from: String, to: String) throws {
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: to).deletingLastPathComponent().path, withIntermediateDirectories: true)
    let r = try Shell.run(["/bin/cp", "-R", from, to])
    #expect(r.exited(0), "\(r)")
  }

  /// Installs `target` into a fresh store from `cwd`; returns the installed source.js of `spec`.
  func installedSource(
    _ root: String, store: String, target: String, cwd: String, tool: String, version: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [UInt8] {
    let home = root + "/" + store
    try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
    let r = try Fe.run(["blobs", "install", target], cwd: cwd, env: ["FE_HOME": home])
    #expect(r.exited(0), "\(r)", sourceLocation: sourceLocation)
    return try bytes("\(home)/blobs/\(tool)/\(version)/source.js")
  }

  /// blobs/fe/2 requires its src/ modules: bundled by esbuild. Two checkouts at different depths,
  /// installed by absolute path from two cwds and by "." from inside one.
  @Test func sourceDirectoryFromTwoPathsAndTwoCwds() throws {
    let dir = TempDir("reproducible-source-dir")
    defer { dir.remove() }
    let first = dir.path + "/a/fe2"
    let second = dir.path + "/somewhere/much/deeper/checkout/fe2"
    try copy(Fe.blobsFe2, to: first)
    try copy(Fe.blobsFe2, to: second)
    let one = try installedSource(dir.path, store: "home1", target: first, cwd: dir.path, tool: "fe", version: "2.1.0")
    let two = try installedSource(dir.path, store: "home2", target: second, cwd: dir.path + "/x/y", tool: "fe", version: "2.1.0")
    let three = try installedSource(dir.path, store: "home3", target: ".", cwd: second, tool: "fe", version: "2.1.0")
    #expect(!one.isEmpty)
    #expect(one == two, "the same source from two checkouts and two cwds gives the same bundle")
    #expect(one == three, "installing \".\" from inside the checkout gives the same bundle")
    let text = String(decoding: one, as: UTF8.self)
    #expect(!text.contains(dir.path), "no absolute path of the checkout in the bundle")
    #expect(text.contains("// src/"), "esbuild's module comments are paths inside the package")
  }

  /// An npm package with a bin and a dependency in its node_modules.
  @Test func packageFromTwoPathsAndTwoCwds() throws {
    let dir = TempDir("reproducible-package")
    defer { dir.remove() }
    let pkg = dir.path + "/pkg"
    func write(_ name: String, _ text: String) throws {
      let path = pkg + "/" + name
      try FileManager.default.createDirectory(
        atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    try write("package.json", "{ \"name\": \"greet\", \"version\": \"1.2.3\", \"bin\": { \"greet\": \"bin/cli.js\" } }\n")
    try write("bin/cli.js", "#!/usr/bin/env node\nconst shout = require('shout');\nconsole.log(shout('hello'));\n")
    try write("node_modules/shout/package.json", "{ \"name\": \"shout\", \"main\": \"shout.js\" }\n")
    try write("node_modules/shout/shout.js", "module.exports = (s) => s.toUpperCase() + '!';\n")
    let first = dir.path + "/one/greet"
    let second = dir.path + "/two/levels/down/greet"
    try copy(pkg, to: first)
    try copy(pkg, to: second)
    let one = try installedSource(dir.path, store: "home1", target: first, cwd: first + "/bin", tool: "greet", version: "1.2.3")
    let two = try installedSource(dir.path, store: "home2", target: second, cwd: dir.path, tool: "greet", version: "1.2.3")
    #expect(one == two, "the same package from two paths and two cwds gives the same bundle")
    let text = String(decoding: one, as: UTF8.self)
    #expect(!text.contains(dir.path), "no absolute path in the bundle: \(text)")
    let r = try Fe.run(["blobs", "exec", "greet"], cwd: dir.path, env: ["FE_HOME": dir.path + "/home2"])
    #expect(r.exited(0) && r.out == "HELLO!\n", "\(r)")
  }

  /// An ES-module bin that uses import.meta still gets its own file's URL.
  @Test func importMetaStillNamesTheBin() throws {
    let dir = TempDir("reproducible-import-meta")
    defer { dir.remove() }
    let pkg = dir.path + "/meta"
    try FileManager.default.createDirectory(atPath: pkg + "/bin", withIntermediateDirectories: true)
    try Data("{ \"name\": \"meta\", \"version\": \"1.0.0\", \"type\": \"module\", \"bin\": \"bin/meta.js\" }\n".utf8)
      .write(to: URL(fileURLWithPath: pkg + "/package.json"))
    try Data("#!/usr/bin/env node\nimport path from 'path';\nconsole.log(path.basename(new URL(import.meta.url).pathname));\n".utf8)
      .write(to: URL(fileURLWithPath: pkg + "/bin/meta.js"))
    let home = dir.path + "/home"
    let i = try Fe.run(["blobs", "install", pkg], cwd: dir.path, env: ["FE_HOME": home])
    #expect(i.exited(0), "\(i)")
    let r = try Fe.run(["blobs", "exec", "meta"], cwd: dir.path, env: ["FE_HOME": home])
    #expect(r.exited(0) && r.out == "meta.js\n", "\(r)")
  }
}
