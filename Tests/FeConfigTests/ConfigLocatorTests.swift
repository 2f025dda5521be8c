// ConfigLocator.find: FE_CONFIG first, else the nearest fe.config.* walking up from cwd.
import FeBasics
import FeConfig
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ConfigLocatorTests {
  @Test func findsTheConfigInTheStartDirectory() throws {
    let dir = TempDir()
    let config = try dir.write("fe.config.js", "export default {}")
    #expect(try ConfigLocator.find(cwd: dir.path, env: [:]) == config)
  }

  @Test func walksUpFromANestedDirectory() throws {
    let dir = TempDir()
    let config = try dir.write("fe.config.js", "export default {}")
    let nested = try dir.mkdir("packages/app/src/deep")
    #expect(try ConfigLocator.find(cwd: nested, env: [:]) == config)
  }

  @Test func stopsAtTheNearestConfig() throws {
    let dir = TempDir()
    try dir.write("fe.config.js", "export default { fe: '1' }")
    let inner = try dir.write("packages/app/fe.config.js", "export default { fe: '2' }")
    let nested = try dir.mkdir("packages/app/src")
    #expect(try ConfigLocator.find(cwd: nested, env: [:]) == inner)
    #expect(try ConfigLocator.find(cwd: dir.file("packages/app"), env: [:]) == inner)
    #expect(try ConfigLocator.find(cwd: dir.file("packages"), env: [:]) == dir.file("fe.config.js"))
  }

  @Test(arguments: ["fe.config.js", "fe.config.mjs", "fe.config.cjs"])
  func findsEveryConfigFileName(_ name: String) throws {
    let dir = TempDir()
    let config = try dir.write(name, "export default {}")
    let nested = try dir.mkdir("a/b")
    #expect(try ConfigLocator.find(cwd: nested, env: [:]) == config)
  }

  /// A directory (or FIFO) named fe.config.js is this project's config gone wrong: an error
  /// naming it, never a silent fall back to a parent directory's config.
  @Test func aConfigThatIsNotAFileIsAnError() throws {
    let dir = TempDir()
    try dir.write("fe.config.js", "export default { fe: '1' }")
    let inner = try dir.mkdir("app/fe.config.js")
    let error = #expect(throws: FeError.self) { try ConfigLocator.find(cwd: dir.file("app"), env: [:]) }
    #expect(error?.kind == .config && error?.message.contains(inner) == true && error?.message.contains("not a regular file") == true)
    try dir.mkdir("other")
    #expect(mkfifo(dir.file("other/fe.config.mjs"), 0o600) == 0)
    #expect(throws: FeError.self) { try ConfigLocator.find(cwd: dir.file("other"), env: [:]) }
    let viaEnv = #expect(throws: FeError.self) { try ConfigLocator.find(cwd: dir.path, env: ["FE_CONFIG": inner]) }
    #expect(viaEnv?.message.contains("not a regular file") == true)
  }

  @Test func prefersJSOverMJSOverCJSInOneDirectory() throws {
    let dir = TempDir()
    try dir.write("fe.config.cjs", "module.exports = {}")
    try dir.write("fe.config.mjs", "export default {}")
    #expect(try ConfigLocator.find(cwd: dir.path, env: [:]) == dir.file("fe.config.mjs"))
    try dir.write("fe.config.js", "export default {}")
    #expect(try ConfigLocator.find(cwd: dir.path, env: [:]) == dir.file("fe.config.js"))
  }

  @Test func unnormalizedStartDirectoryStillWorks() throws {
    let dir = TempDir()
    let config = try dir.write("fe.config.js", "export default {}")
    try dir.mkdir("a/b")
    #expect(try ConfigLocator.find(cwd: dir.path + "/a/./b/../b/", env: [:]) == config)
  }

  @Test func absoluteFEConfigOverridesTheSearch() throws {
    let dir = TempDir()
    try dir.write("fe.config.js", "export default {}")
    let other = try dir.write("elsewhere/custom-name.js", "export default {}")
    #expect(try ConfigLocator.find(cwd: dir.path, env: ["FE_CONFIG": other]) == other)
  }

  @Test func relativeFEConfigIsResolvedFromCwd() throws {
    let dir = TempDir()
    let other = try dir.write("configs/team.mjs", "export default {}")
    let cwd = try dir.mkdir("app")
    #expect(try ConfigLocator.find(cwd: cwd, env: ["FE_CONFIG": "../configs/team.mjs"]) == other)
    #expect(try ConfigLocator.find(cwd: dir.path, env: ["FE_CONFIG": "configs/./team.mjs"]) == other)
  }

  @Test func emptyFEConfigIsIgnored() throws {
    let dir = TempDir()
    let config = try dir.write("fe.config.js", "export default {}")
    #expect(try ConfigLocator.find(cwd: dir.path, env: ["FE_CONFIG": ""]) == config)
  }

  @Test func missingFEConfigFileIsAConfigError() throws {
    let dir = TempDir()
    try dir.write("fe.config.js", "export default {}")  // not a fallback: FE_CONFIG wins
    let e = feError { _ = try ConfigLocator.find(cwd: dir.path, env: ["FE_CONFIG": "missing/fe.config.js"]) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(dir.file("missing/fe.config.js")) == true)
    #expect(e?.message.contains("FE_CONFIG") == true)
  }

  @Test func feConfigNamingADirectoryIsAConfigError() throws {
    let dir = TempDir()
    let sub = try dir.mkdir("a-directory")
    let e = feError { _ = try ConfigLocator.find(cwd: dir.path, env: ["FE_CONFIG": sub]) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(sub) == true)
  }

  @Test func noConfigAnywhereIsAConfigErrorNamingTheStartDirectory() throws {
    for ancestor in ["/tmp", "/"] {
      for name in ConfigLocator.fileNames where FileSystem.isFile(Path.join(ancestor, name)) {
        Issue.record("this machine has \(Path.join(ancestor, name)); the test cannot run here")
        return
      }
    }
    let dir = TempDir()
    let start = try dir.mkdir("project/src")
    let e = feError { _ = try ConfigLocator.find(cwd: start, env: [:]) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(start) == true)
    #expect(e?.message.contains("fe.config.js") == true)
    #expect(e?.hint != nil)
  }
}
