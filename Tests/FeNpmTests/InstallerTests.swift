import FeBasics
import FeRegistry
import FeTestSupport
import Testing

@testable import FeNpm

#if canImport(Glibc)
  import Glibc
#endif

/// Whole installs from the test registry: files on disk, the cache, and every bad tarball.
@Suite(.serialized) struct InstallerTests {
  struct Setup {
    let server: NpmServer
    let cache: TempDir
    let out = TempDir("npm-install")

    func installer(offline: Bool = false, requireSignatures: Bool = false) throws -> NpmInstaller {
      let project = TempDir("npm-project")
      try project.write(".npmrc", "registry=\(server.url)/\n")
      let config = try NpmConfig(projectDir: project.path, env: [:])
      var settings = TransferSettings(userAgent: "fe-test")
      settings.retry.retries = 0
      let client = try NpmRegistryClient(config: config, settings: settings, cacheDir: cache.path, offline: offline)
      return NpmInstaller(client: client, options: NpmInstallOptions(requireSignatures: requireSignatures))
    }

    func install(
      _ spec: String, as name: String = "image", offline: Bool = false, requireSignatures: Bool = false
    ) throws -> NpmInstallReport {
      try installer(offline: offline, requireSignatures: requireSignatures).install(
        [PackageSpec(parsing: spec, origin: "test")], into: out.file(name))
    }

    /// Nothing of a failed install is left: no destination, no staging directory.
    var leftovers: [String] { FileSystem.listDirectory(out.path) }
  }

  func setup() throws -> Setup { Setup(server: try NpmServer(), cache: TempDir("npm-cache")) }

  func mode(_ path: String) -> mode_t {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o777 : 0
  }

  @Test func installsATreeWithBinsAndSkipsFailedOptionals() throws {
    let s = try setup()
    let report = try s.install("@fe-test/app")
    let app = s.out.file("image/node_modules/@fe-test/app")
    #expect(try FileSystem.readString(app + "/index.js") == "module.exports = 'app';\n")
    // The bin is executable although the tarball says 0644; other files are not.
    #expect(mode(app + "/cli.js") == 0o755)
    #expect(mode(app + "/index.js") == 0o644)
    #expect(FileSystem.isFile(app + "/node_modules/@fe-test/mid/node_modules/@fe-test/dup/index.js"))
    #expect(!FileSystem.exists(app + "/node_modules/@fe-test/gone"))
    #expect(report.packages.count == 9, "\(report.packages.map(\.path))")
    #expect(report.skipped.count == 2, "\(report.skipped)")
    #expect(
      report.skipped.contains { $0.hasPrefix("@fe-test/gone@1.0.0: the tarball of @fe-test/gone@1.0.0 is missing on the registry (404)") })
    #expect(report.packages.allSatisfy { $0.integrity.hasPrefix("sha512-") })
    #expect(s.leftovers == ["image"])
  }

  @Test func aRealToolAndTheCacheServesTheSecondInstall() throws {
    let s = try setup()
    let report = try s.install("typescript@4.8.x", as: "a")
    #expect(report.packages.map(\.path) == ["node_modules/typescript"])
    let ts = s.out.file("a/node_modules/typescript")
    #expect(FileSystem.isFile(ts + "/lib/lib.es5.d.ts"))
    #expect(mode(ts + "/bin/tsc") == 0o755)
    let tgzBefore = s.server.accessLog.filter { $0.contains(".tgz") }
    #expect(tgzBefore.count == 1)
    _ = try s.install("typescript@4.8.x", as: "b")
    #expect(s.server.accessLog.filter { $0.contains(".tgz") }.count == 1, "the tarball came from the cache")
    // Offline: packuments and tarballs from the cache alone; what was never fetched is named.
    _ = try s.install("typescript@4.8.x", as: "c", offline: true)
    #expect(FileSystem.isFile(s.out.file("c/node_modules/typescript/lib/tsc.js")))
    #expect { _ = try s.install("acorn", as: "d", offline: true) } throws: {
      "\($0)".contains("acorn is not in the npm metadata cache, and fe is offline")
    }
  }

  @Test func terserWithItsDependencies() throws {
    let s = try setup()
    let report = try s.install("terser")
    #expect(report.packages.count == 11)
    #expect(mode(s.out.file("image/node_modules/terser/bin/terser")) == 0o755)
    #expect(FileSystem.isFile(s.out.file("image/node_modules/terser/node_modules/commander/package.json")))
  }

  @Test func installScriptsAreListedNeverRun() throws {
    let s = try setup()
    let report = try s.install("@fe-test/scripts")
    #expect(report.installScripts == ["@fe-test/scripts@1.0.0"])
  }

  @Test func sha1OnlyInstallsWithAWarning() throws {
    let s = try setup()
    let report = try s.install("@fe-test/sha1-only")
    #expect(
      report.warnings == [
        "@fe-test/sha1-only@1.0.0 was checked by its sha1 shasum only: the registry publishes no stronger integrity for it"
      ])
    #expect(report.packages.first?.integrity.hasPrefix("sha1-") == true)
  }

  @Test func unsignedPassesUnlessSignaturesAreRequired() throws {
    let s = try setup()
    _ = try s.install("@fe-test/unsigned", as: "ok")
    #expect { _ = try s.install("@fe-test/unsigned", as: "strict", requireSignatures: true) } throws: {
      ($0 as? FeError)?.kind.exitCode == 65
        && ($0 as? FeError)?.message == "@fe-test/unsigned@1.0.0 has no registry signature, and signatures are required"
    }
    #expect(s.leftovers == ["ok"])
  }

  @Test(arguments: [
    ("@fe-test/bad-integrity", "the tarball of @fe-test/bad-integrity@1.0.0 does not match its integrity: expected sha512-"),
    ("@fe-test/bad-signature", "the registry signature of @fe-test/bad-signature@1.0.0 does not verify with key SHA256:"),
    ("@fe-test/unknown-key", "@fe-test/unknown-key@1.0.0 is signed with key SHA256:not-a-key-of-this-registry, which http://127.0.0.1:"),
    ("@fe-test/dotdot", "the tarball of @fe-test/dotdot@1.0.0 has a path leaving the package: package/../../evil.js"),
    ("@fe-test/absolute", "the tarball of @fe-test/absolute@1.0.0 has an absolute path: /tmp/fe-npm-absolute-evil.js"),
    ("@fe-test/symlink", "the tarball of @fe-test/symlink@1.0.0 has a link leaving the package: passwd -> ../../../../../../etc/passwd"),
    (
      "@fe-test/hardlink",
      "the tarball of @fe-test/hardlink@1.0.0 has a hard link leaving the package: shadow -> ../../../../../../etc/shadow"
    ),
    ("@fe-test/bomb", "the tarball of @fe-test/bomb@1.0.0 unpacks to more than 200 times its size (a decompression bomb)"),
  ])
  func badPackagesFailWith65AndLeaveNothing(spec: String, message: String) throws {
    let s = try setup()
    #expect { _ = try s.install(spec) } throws: {
      let e = $0 as? FeError
      return e?.kind.exitCode == 65 && e?.message.hasPrefix(message) == true && e?.hint?.hasPrefix("nothing was installed") == true
    }
    #expect(s.leftovers.isEmpty, "\(s.leftovers)")
    #expect(!FileSystem.exists("/tmp/fe-npm-absolute-evil.js") && !FileSystem.exists(s.out.path + "/../evil.js"))
  }

  /// The connection drops halfway through the typescript tarball the first time: the download
  /// resumes where it stopped (a Range request) and the install completes, verified.
  @Test func aConnectionDroppedMidTarballResumes() throws {
    let s = try setup()
    let project = TempDir("npm-project")
    try project.write(".npmrc", "registry=\(s.server.url)/\n")
    var settings = TransferSettings(userAgent: "fe-test")
    settings.retry.baseDelay = 0.01
    let dropped = DropOnce()
    let client = try NpmRegistryClient(
      config: try NpmConfig(projectDir: project.path, env: [:]), settings: settings, cacheDir: s.cache.path,
      transport: { dropped.transport(try CurlSession().transport) })
    _ = try NpmInstaller(client: client).install([PackageSpec(parsing: "typescript@4.8.4", origin: "test")], into: s.out.file("image"))
    #expect(dropped.didDrop)
    #expect(FileSystem.isFile(s.out.file("image/node_modules/typescript/lib/typescript.js")))
    let tgz = s.server.accessLog.filter { $0.contains(".tgz") }
    #expect(tgz.count == 2 && tgz[1].contains(" 206 ") && tgz[1].contains("\"bytes=1048576-\""), "\(tgz)")
  }
}

/// Wraps a real transport so that the first tarball response delivers 1 MiB and then fails as a
/// reset connection does: what a flaky network does to a download, from the client's side.
final class DropOnce: @unchecked Sendable {
  private let lock = Mutex()
  private var dropped = false
  var didDrop: Bool { lock.withLock { dropped } }

  struct Cut: Error {}

  func transport(_ inner: @escaping HTTPTransport) -> HTTPTransport {
    { request, handlers throws(HTTPTransportError) in
      let cut =
        request.url.hasSuffix(".tgz")
        && self.lock.withLock {
          defer { self.dropped = true }
          return !self.dropped
        }
      guard cut else { return try inner(request, handlers) }
      var passed = 0
      var wrapped = handlers
      wrapped.body = { chunk in
        let room = (1 << 20) - passed
        if chunk.count >= room {
          try handlers.body(UnsafeRawBufferPointer(rebasing: chunk[0..<room]))
          passed += room
          throw Cut()
        }
        try handlers.body(chunk)
        passed += chunk.count
      }
      do throws(HTTPTransportError) {
        return try inner(request, wrapped)
      } catch {
        if case .aborted(let e) = error, e is Cut { throw .dropped("connection reset by peer (test)") }
        throw error
      }
    }
  }
}
