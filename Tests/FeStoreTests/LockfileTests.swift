import FeBasics
import FeSemver
import Testing

@testable import FeStore

@Suite struct LockfileTests {
  let a = String(repeating: "a", count: 64)
  let b = String(repeating: "b", count: 64)

  var sample: Lockfile {
    Lockfile(tools: [
      "tsc": .init(range: "4.8.x", registry: "local:/src/ts", sha256: b, version: "4.8.4"),
      "fe": .init(range: "^2.1.0", registry: "https://host/blobs", sha256: a, version: "2.1.0"),
    ])
  }

  @Test func encodingIsStableSortedAndTwoSpaceIndented() {
    let expected = """
      {
        "lockfileVersion": 1,
        "tools": {
          "fe": {
            "range": "^2.1.0",
            "registry": "https://host/blobs",
            "sha256": "\(a)",
            "version": "2.1.0"
          },
          "tsc": {
            "range": "4.8.x",
            "registry": "local:/src/ts",
            "sha256": "\(b)",
            "version": "4.8.4"
          }
        }
      }

      """
    #expect(String(decoding: sample.encoded(), as: UTF8.self) == expected)
    #expect(String(decoding: Lockfile().encoded(), as: UTF8.self) == "{\n  \"lockfileVersion\": 1,\n  \"tools\": {}\n}\n")
  }

  @Test func roundTripsThroughBytesAndFiles() throws {
    #expect(try Lockfile.decode(sample.encoded(), path: "/p/fe.lock") == sample)
    #expect(try Lockfile.decode(Lockfile().encoded(), path: "/p/fe.lock") == Lockfile())
    var odd = sample
    odd.tools["my-tool"] = .init(range: ">=1 <2 || \"x\"\\\n", registry: "/dir with space", sha256: a, version: "1.0.0-rc.1")
    #expect(try Lockfile.decode(odd.encoded(), path: "/p/fe.lock") == odd)

    try withTempHome { layout throws in
      let path = Path.join(layout.home, Lockfile.fileName)
      #expect(try Lockfile.read(path) == nil)
      #expect(try sample.write(to: path))
      #expect(try Lockfile.read(path) == sample)
      // The same content is not rewritten.
      #expect(try sample.write(to: path) == false)
      #expect(try FileSystem.read(path) == sample.encoded())
    }
  }

  @Test func pathIsBesideTheConfig() {
    #expect(Lockfile.path(forConfig: "/work/app/fe.config.js") == "/work/app/fe.lock")
  }

  @Test(arguments: [
    ("", "not valid JSON"),
    ("[]", "not a JSON object"),
    ("{\"tools\": {}}", "missing \"lockfileVersion\""),
    ("{\"lockfileVersion\": 1}", "missing \"tools\""),
    ("{\"lockfileVersion\": 0, \"tools\": {}}", "lockfileVersion 0"),
    ("{\"lockfileVersion\": 1, \"tools\": {\"fe\": {\"version\": \"2.1.0\"}}}", "missing \"tools.fe.range\""),
    ("{\"lockfileVersion\": 1, \"tools\": {\"fe\": 3}}", "\"tools.fe\" has the wrong type"),
    ("TOOL:../x", "\"../x\" is not a valid tool name"),
    ("VERSION:2.1", "tools.fe.version \"2.1\" is not a version"),
    ("SHA:ABC", "tools.fe.sha256 is not a lowercase hex sha256"),
  ])
  func malformedLocksAreConfigErrorsNamingTheFile(_ input: String, _ why: String) {
    func entry(tool: String = "fe", version: String = "2.1.0", sha: String = String(repeating: "a", count: 64)) -> String {
      "{\"lockfileVersion\": 1, \"tools\": {\"\(tool)\": {\"range\": \"^2\", \"registry\": \"/r\", \"sha256\": \"\(sha)\", \"version\": \"\(version)\"}}}"
    }
    let text: String
    if input.hasPrefix("TOOL:") {
      text = entry(tool: String(input.dropFirst(5)))
    } else if input.hasPrefix("VERSION:") {
      text = entry(version: String(input.dropFirst(8)))
    } else if input.hasPrefix("SHA:") {
      text = entry(sha: String(input.dropFirst(4)))
    } else {
      text = input
    }
    let error = feError { _ = try Lockfile.decode(Array(text.utf8), path: "/proj/fe.lock") }
    #expect(error?.kind == .config)
    #expect(error?.message.hasPrefix("/proj/fe.lock is malformed") == true, "\(String(describing: error))")
    #expect(error?.message.contains(why) == true, "\(String(describing: error)) should say \(why)")
    #expect(error?.hint?.contains("fe blobs install") == true)
  }

  @Test func aNewerFormatAsksForANewerFe() {
    let error = feError { _ = try Lockfile.decode(Array("{\"lockfileVersion\": 2, \"tools\": {}}".utf8), path: "/p/fe.lock") }
    #expect(error?.kind == .config)
    #expect(error?.message.contains("newer than this fe") == true)
  }

  @Test func stalenessAgainstTheConfigsPins() throws {
    let pins: [String: VersionSelector] = [
      "fe": try VersionSelector(parsing: "^2.0.0"),
      "tsc": try VersionSelector(parsing: "5.x"),
      "hello": try VersionSelector(parsing: "latest"),
    ]
    var lock = sample
    lock.tools["hello"] = .init(range: "latest", registry: "/r", sha256: a, version: "0.3.0")
    let stale = lock.staleness(against: pins)
    #expect(stale.map(\.tool) == ["tsc"])
    #expect(stale.first?.why == .unsatisfied(locked: "4.8.4", range: "5.x"))
    #expect(lock.entry(for: "fe", satisfying: try VersionSelector(parsing: "^2.0.0"))?.version == "2.1.0")
    #expect(lock.entry(for: "fe", satisfying: try VersionSelector(parsing: "^3")) == nil)
    #expect(lock.entry(for: "hello", satisfying: try VersionSelector(parsing: "latest"))?.version == "0.3.0")

    lock.tools["hello"] = nil
    #expect(lock.staleness(against: pins).map(\.tool) == ["hello", "tsc"])
    #expect(lock.staleness(against: pins).first?.why == .missing)
    // A tool the config no longer pins does not make the lock stale.
    #expect(lock.staleness(against: ["fe": try VersionSelector(parsing: "2.1.0")]).isEmpty)
  }
}
