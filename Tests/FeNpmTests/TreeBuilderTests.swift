import FeBasics
import FeRegistry
import FeTestSupport
import Testing

@testable import FeNpm

/// The dependency tree for packages of the test registry, laid out as `npm install -g` does.
@Suite(.serialized) struct TreeBuilderTests {
  func builder(_ server: NpmServer, platform: Platform = Platform(os: "linux", cpu: "x64", libc: "glibc")) throws -> TreeBuilder {
    let project = TempDir("npm-project")
    try project.write(".npmrc", "registry=\(server.url)/\n")
    let config = try NpmConfig(projectDir: project.path, env: [:])
    var settings = TransferSettings(userAgent: "fe-test")
    settings.retry.retries = 0
    let client = try NpmRegistryClient(config: config, settings: settings, cacheDir: TempDir("npm-cache").path)
    return TreeBuilder(source: client, platform: platform)
  }

  func layout(_ tree: DependencyTree) -> [String] {
    tree.packages.map { "\($0.path) \($0.manifest?.version.description ?? "?")\($0.optional ? " optional" : "")" }
  }

  @Test func hoistsNestsPeersCyclesAndOptionals() throws {
    let server = try NpmServer()
    let b = try builder(server)
    let tree = try b.build([PackageSpec(parsing: "@fe-test/app", origin: "test")])
    let app = "node_modules/@fe-test/app"
    #expect(
      layout(tree) == [
        "\(app) 1.0.0",
        "\(app)/node_modules/@fe-test/cycle-a 1.0.0",
        "\(app)/node_modules/@fe-test/cycle-b 1.0.0",
        "\(app)/node_modules/@fe-test/dup 1.0.0",
        "\(app)/node_modules/@fe-test/gone 1.0.0 optional",
        // The peer goes beside its dependent, at the highest version its range allows (latest 2.0.0 does not).
        "\(app)/node_modules/@fe-test/host 1.0.0",
        "\(app)/node_modules/@fe-test/leaf 1.0.0",
        "\(app)/node_modules/@fe-test/mid 1.0.0",
        // mid needs dup@2, which conflicts with the dup@1 above it: nested.
        "\(app)/node_modules/@fe-test/mid/node_modules/@fe-test/dup 2.0.0",
        "\(app)/node_modules/@fe-test/plugin 1.0.0",
      ], "\(layout(tree))")
    #expect(b.skipped.count == 1 && b.skipped[0].hasPrefix("@fe-test/only-win32@1.0.0: os win32"), "\(b.skipped)")
    // The same input gives the same tree.
    #expect(layout(try builder(server).build([PackageSpec(parsing: "@fe-test/app", origin: "test")])) == layout(tree))
    // Dropping the optional package that fails removes it alone.
    let gone = try #require(tree.packages.first { $0.key.text == "@fe-test/gone" })
    #expect(tree.drop(gone).map(\.path) == ["\(app)/node_modules/@fe-test/gone"])
    #expect(tree.packages.count == 9)
  }

  @Test func onWindowsTheOptionalWindowsPackageIsInstalled() throws {
    let server = try NpmServer()
    let b = try builder(server, platform: Platform(os: "win32", cpu: "x64", libc: nil))
    let tree = try b.build([PackageSpec(parsing: "@fe-test/app", origin: "test")])
    #expect(tree.packages.contains { $0.key.text == "@fe-test/only-win32" && $0.optional })
    #expect(b.skipped.isEmpty)
  }

  @Test func aRealTreeFromDebianPackages() throws {
    let server = try NpmServer()
    let tree = try builder(server).build([PackageSpec(parsing: "terser@^5", origin: "test")])
    let t = "node_modules/terser"
    #expect(
      layout(tree) == [
        "\(t) 5.16.5",
        "\(t)/node_modules/@jridgewell/gen-mapping 0.3.2",
        "\(t)/node_modules/@jridgewell/resolve-uri 3.1.0",
        "\(t)/node_modules/@jridgewell/set-array 1.1.2",
        "\(t)/node_modules/@jridgewell/source-map 0.3.2",
        "\(t)/node_modules/@jridgewell/sourcemap-codec 1.4.14",
        "\(t)/node_modules/@jridgewell/trace-mapping 0.3.17",
        "\(t)/node_modules/acorn 8.8.1",
        "\(t)/node_modules/commander 9.4.1",
        "\(t)/node_modules/source-map 0.6.1",
        "\(t)/node_modules/source-map-support 0.5.21",
      ], "\(layout(tree))")
  }

  @Test func unsatisfiableRangeNamesTheChain() throws {
    let server = try NpmServer()
    #expect { _ = try builder(server).build([PackageSpec(parsing: "@fe-test/unsat-top", origin: "test")]) } throws: {
      let e = $0 as? FeError
      return e?.kind.exitCode == 66
        && e?.message
          == "no version of acorn satisfies ^99.0.0 (published: 8.8.1), wanted by @fe-test/unsat@1.0.0 ← @fe-test/unsat-top@1.0.0"
    }
  }

  @Test func missingPackageNamesTheChain() throws {
    let server = try NpmServer()
    #expect { _ = try builder(server).build([PackageSpec(parsing: "@fe-test/missing", origin: "test")]) } throws: {
      ($0 as? FeError)?.message
        == "the registry has no package named @fe-test/no-such-package (wanted as @fe-test/no-such-package@^1.0.0), wanted by @fe-test/missing@1.0.0"
    }
    #expect { _ = try builder(server).build([PackageSpec(parsing: "no-such-tool@1", origin: "test")]) } throws: {
      ($0 as? FeError)?.message == "the registry has no package named no-such-tool" && ($0 as? FeError)?.kind.exitCode == 66
    }
    #expect { _ = try builder(server).build([PackageSpec(parsing: "@fe-test/tagged@beta", origin: "test")]) } throws: {
      ($0 as? FeError)?.message == "@fe-test/tagged has no dist-tag \"beta\" (tags: latest, next)"
    }
  }

  /// A registry that answers with something other than a packument, or lists a version it cannot
  /// serve, fails the install with a registry error naming the package; it never falls back to
  /// an older version silently.
  @Test func malformedRegistryDocumentsAreRegistryErrors() throws {
    let server = try NpmServer()
    for name in ["@fe-test/html-page", "@fe-test/truncated", "@fe-test/versions-list"] {
      #expect { _ = try builder(server).build([PackageSpec(parsing: name, origin: "test")]) } throws: {
        let e = $0 as? FeError
        return e?.kind.exitCode == 69 && e?.message.contains("is not an npm package document") == true
          && e?.message.contains(name.replacingOccurrences(of: "/", with: "%2f")) == true
      }
    }
    #expect { _ = try builder(server).build([PackageSpec(parsing: "@fe-test/no-tarball@^1.0.0", origin: "test")]) } throws: {
      let e = $0 as? FeError
      return e?.kind.exitCode == 69
        && e?.message == "the registry lists @fe-test/no-tarball@1.1.0 but it has no dist.tarball, so it cannot be installed"
    }
    // The usable version stays installable when asked for exactly.
    let tree = try builder(server).build([PackageSpec(parsing: "@fe-test/no-tarball@1.0.0", origin: "test")])
    #expect(layout(tree) == ["node_modules/@fe-test/no-tarball 1.0.0"])
  }

  /// A minimum release age (or npm's before=) hides versions published after the cut-off; the
  /// full packuments carry the times.
  @Test func aMinimumReleaseAgeHidesRecentVersions() throws {
    let server = try NpmServer()
    func tree(_ spec: String, npmrc: String = "", age: Double? = nil) throws -> [String] {
      let project = TempDir("npm-project")
      try project.write(".npmrc", "registry=\(server.url)/\n" + npmrc)
      var settings = TransferSettings(userAgent: "fe-test")
      settings.retry.retries = 0
      let client = try NpmRegistryClient(
        config: try NpmConfig(projectDir: project.path, env: [:]), settings: settings, cacheDir: TempDir("npm-cache").path,
        minReleaseAgeDays: age)
      return layout(try TreeBuilder(source: client).build([PackageSpec(parsing: spec, origin: "test")]))
    }
    #expect(try tree("@fe-test/fresh@^1") == ["node_modules/@fe-test/fresh 1.1.0"])
    #expect(try tree("@fe-test/fresh@^1", age: 3) == ["node_modules/@fe-test/fresh 1.0.0"])
    #expect(try tree("@fe-test/fresh@^1", npmrc: "before=2030-01-01\n") == ["node_modules/@fe-test/fresh 1.0.0"])
    #expect(try tree("acorn", age: 3) == ["node_modules/acorn 8.8.1"])
    #expect(server.accessLog.contains { $0.contains("/@fe-test/fresh/full.json 200") }, "the full packument was asked for")
    #expect { _ = try tree("@fe-test/fresh@1.1.0", age: 3) } throws: {
      ($0 as? FeError)?.kind.exitCode == 66
        && ($0 as? FeError)?.message.hasPrefix("every version of @fe-test/fresh that satisfies 1.1.0 was published after ") == true
    }
    #expect { _ = try tree("@fe-test/fresh", npmrc: "before=yesterday\n") } throws: {
      ($0 as? FeError)?.kind == .config && "\($0)".contains("before = yesterday is not a date")
    }
  }
}
