// "The locked version while it satisfies the pin, else the highest installed", with the
// missing-version policy a query uses (.fail), against a store built in-process.
import FeBasics
import FeConfig
import FeEngine
import FeStore
import FeTestSupport
import Testing

@testable import FeLaunch

@Suite struct PinnedVersionTests {
  let dir = TempDir("pinned-version")
  let store: BlobStore
  let context: FeContext
  let source = "fe.main(async () => 0)\n"

  init() throws {
    store = BlobStore(layout: StoreLayout(home: dir.file("fe-home")))
    context = FeContext(
      env: ["FE_HOME": dir.file("fe-home")], cwd: dir.path, executable: Fe.binary, stdout: { _ in }, stderr: { _ in })
    let builder = BlobBuilder(options: context.options)
    for version in ["1.0.0", "1.2.0", "2.0.0"] {
      try builder.install(source: Array(source.utf8), tool: "fe", version: version, origin: nil, store: store, replace: false)
    }
  }

  func resolve(_ range: String, lock: [String: String] = [:]) throws -> PinnedVersion.Resolved {
    let configPath = try dir.write("fe.config.js", "export default { fe: \"\(range)\" }\n")
    if !lock.isEmpty {
      let entries = lock.mapValues { Lockfile.Entry(range: range, registry: "local:", sha256: SHA256.hex(Array(source.utf8)), version: $0) }
      _ = try Lockfile(tools: entries).write(to: Lockfile.path(forConfig: configPath))
    }
    let config = try ProjectConfig(path: configPath, value: .object([("fe", .string(range))]))
    let pinned = try config.selector(for: "fe")
    let selector = try #require(pinned)
    return try PinnedVersion(context: context, store: store, config: config).resolve(tool: "fe", selector: selector, missing: .fail)
  }

  @Test func withoutALockTheHighestInstalledMatchRuns() throws {
    let resolved = try resolve("^1")
    #expect(resolved.version == "1.2.0")
    #expect(!resolved.locked)
  }

  @Test func theLockedVersionWinsWhileItSatisfiesThePin() throws {
    let resolved = try resolve("^1", lock: ["fe": "1.0.0"])
    #expect(resolved.version == "1.0.0")
    #expect(resolved.locked)
  }

  @Test func aLockOutsideThePinIsIgnored() throws {
    let resolved = try resolve("^2", lock: ["fe": "1.0.0"])
    #expect(resolved.version == "2.0.0")
    #expect(!resolved.locked)
  }

  @Test func aLockedVersionThatIsNotInstalledFailsWithTheInstallCommand() throws {
    #expect {
      _ = try resolve("^1", lock: ["fe": "1.1.0"])
    } throws: { error in
      let fe = error as? FeError
      return fe?.kind == .notInstalled && fe?.message.contains("fe@1.1.0, locked in") == true && fe?.hint == "run `fe blobs install`"
    }
  }

  @Test func nothingInstalledMatchesFails() throws {
    #expect {
      _ = try resolve("^3")
    } throws: { error in
      (error as? FeError)?.kind == .notInstalled
    }
  }
}
