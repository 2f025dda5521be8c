import FeBasics
import FeRegistry
import FeSemver
import FeTestSupport
import Testing

@testable import FeNpm

/// The client against the test registry served by nginx.
@Suite(.serialized) struct RegistryClientTests {
  func client(_ server: NpmServer, npmrc: String? = nil, cache: TempDir, offline: Bool = false) throws -> NpmRegistryClient {
    let project = TempDir("npm-project")
    try project.write(".npmrc", npmrc ?? "registry=\(server.url)/\n")
    let config = try NpmConfig(projectDir: project.path, env: ["HOME": project.path + "/no-home"])
    var settings = TransferSettings(userAgent: "fe-test")
    settings.retry.retries = 0
    return try NpmRegistryClient(config: config, settings: settings, cacheDir: cache.path, offline: offline)
  }

  @Test func picksVersionsAsNpmDoes() throws {
    let server = try NpmServer()
    let cache = TempDir("npm-cache")
    let c = try client(server, cache: cache)
    let packument = try #require(try c.packument(PackageName("@fe-test/tagged")!))
    func pick(_ s: String) -> String {
      guard let sel = try? VersionSelector(parsing: s) else { return "bad selector" }
      switch VersionPicker.pick(sel, in: packument) {
      case .success(let m): return m.version.description
      case .failure(let f): return "\(f)"
      }
    }
    // `latest` (1.0.0) wins whenever it satisfies, even over a higher 1.1.0 or 2.0.0.
    #expect(pick("*") == "1.0.0")
    #expect(pick("^1") == "1.0.0")
    #expect(pick("^1.1") == "1.1.0")
    #expect(pick(">=1") == "1.0.0")
    // Otherwise the highest satisfying release; prereleases only when the range asks for them.
    #expect(pick("^2") == "2.0.0")
    #expect(pick(">=2.1.0-beta.0") == "2.1.0-beta.1")
    #expect(pick("next") == "2.1.0-beta.1")
    #expect(pick("latest") == "1.0.0")
    #expect(pick("^3") == "noneSatisfies")
    #expect(pick("beta") == "noSuchTag(\"beta\")")
  }

  @Test func revalidatesTheMetadataCacheWithItsETag() throws {
    let server = try NpmServer()
    let cache = TempDir("npm-cache")
    _ = try client(server, cache: cache).packument(PackageName("acorn")!)
    let again = try #require(try client(server, cache: cache).packument(PackageName("acorn")!))
    #expect(again.versions.map(\.version.description) == ["8.8.1"])
    let log = server.accessLog.filter { $0.contains("/acorn/") }
    #expect(log.count == 2, "\(log)")
    #expect(log.first?.contains(" 200 ") == true && log.first?.hasSuffix("\"-\"") == true, "\(log)")
    #expect(log.last?.contains(" 304 ") == true && log.last?.contains("W/") == true, "\(log)")
    // Offline, the cache answers alone; a package never fetched is an error naming it.
    let offline = try client(server, cache: cache, offline: true)
    #expect(try offline.packument(PackageName("acorn")!)?.name.text == "acorn")
    #expect { _ = try offline.packument(PackageName("terser")!) } throws: {
      ($0 as? FeError)?.kind == .registry && "\($0)".contains("terser is not in the npm metadata cache, and fe is offline")
    }
  }

  @Test func forbiddenIs69WithTheNpmrcHint() throws {
    let server = try NpmServer()
    // nginx answers 403 for everything under /forbidden.
    #expect { _ = try client(server, cache: TempDir("c")).packument(PackageName("forbidden")!) } throws: {
      let e = $0 as? FeError
      return e?.kind.exitCode == 69 && e?.message == "cannot download \(server.url)/forbidden: the server answered 403 Forbidden"
        && e?.hint?.contains("configure a token for its host in .npmrc") == true
    }
  }

  @Test func unknownPackageIsNil() throws {
    let server = try NpmServer()
    #expect(try client(server, cache: TempDir("npm-cache")).packument(PackageName("no-such-package")!) == nil)
  }

  @Test func tokenGoesOnlyToItsHost() throws {
    let server = try NpmServer(token: "s3cret-token")
    let port = server.url.split(separator: ":").last.map(String.init) ?? ""
    // No token: 401, with a hint naming .npmrc, exit code 69.
    #expect { _ = try client(server, cache: TempDir("c")).packument(PackageName("@private/thing")!) } throws: {
      let e = $0 as? FeError
      return e?.kind == .registry && e?.kind.exitCode == 69 && "\($0)".contains("401 Unauthorized") && "\($0)".contains(".npmrc")
    }
    // A token for another host (localhost is not 127.0.0.1) is not sent.
    let other = "registry=\(server.url)/\n//localhost:\(port)/:_authToken=s3cret-token\n"
    #expect { _ = try client(server, npmrc: other, cache: TempDir("c")).packument(PackageName("@private/thing")!) } throws: {
      "\($0)".contains("401") && !"\($0)".contains("s3cret")
    }
    #expect(!server.accessLog.contains { $0.contains("s3cret") }, "\(server.accessLog)")
    // The right host: sent, accepted.
    let right = "registry=\(server.url)/\n//127.0.0.1:\(port)/:_authToken=s3cret-token\n"
    let p = try client(server, npmrc: right, cache: TempDir("c")).packument(PackageName("@private/thing")!)
    #expect(p?.versions.count == 1)
    #expect(server.accessLog.last?.contains("\"Bearer s3cret-token\"") == true)
  }

  @Test func strictSSLOffIsRefused() throws {
    let project = TempDir("npm-project")
    try project.write(".npmrc", "strict-ssl=false\n")
    let config = try NpmConfig(projectDir: project.path, env: [:])
    #expect {
      _ = try NpmRegistryClient(config: config, settings: TransferSettings(userAgent: "t"), cacheDir: project.path)
    } throws: { ($0 as? FeError)?.kind == .config && "\($0)".contains("strict-ssl=false") }
  }

  /// `proxy=` in .npmrc: the registry's host does not even resolve; everything (packuments,
  /// keys, tarballs) goes through the proxy, here nginx answering absolute-URI requests.
  @Test func proxyFromNpmrcCarriesEveryRequest() throws {
    let server = try NpmServer()
    let project = TempDir("npm-project")
    try project.write(".npmrc", "registry=http://registry.invalid/\nproxy=\(server.url)\n")
    let config = try NpmConfig(projectDir: project.path, env: [:])
    #expect(config.proxy == server.url)
    var settings = TransferSettings(userAgent: "fe-test")
    settings.retry.retries = 0
    let client = try NpmRegistryClient(config: config, settings: settings, cacheDir: TempDir("npm-cache").path)
    let out = TempDir("npm-install")
    let report = try NpmInstaller(client: client).install([PackageSpec(parsing: "js-yaml", origin: "test")], into: out.file("image"))
    #expect(report.packages.map(\.path) == ["node_modules/js-yaml", "node_modules/js-yaml/node_modules/argparse"])
    #expect(report.packages.allSatisfy { $0.tarball.hasPrefix("http://registry.invalid/") })
    #expect(server.accessLog.contains { $0.contains("/argparse/-/argparse-2.0.1.tgz 200") }, "\(server.accessLog)")
  }
}
