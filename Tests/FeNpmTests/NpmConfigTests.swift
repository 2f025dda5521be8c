import FeBasics
import FeTestSupport
import Testing

@testable import FeNpm

@Suite struct NpmConfigTests {
  /// A project and a home with the given .npmrc files.
  func config(project: String? = nil, home: String? = nil, env: [String: String] = [:]) throws -> NpmConfig {
    let dir = TempDir("npmrc")
    if let project { try dir.write("project/.npmrc", project) }
    if let home { try dir.write("home/.npmrc", home) }
    try dir.mkdir("project")
    return try NpmConfig(projectDir: dir.file("project"), env: ["HOME": dir.file("home")].merging(env) { _, n in n })
  }

  @Test func defaultsToNpmsPublicRegistry() throws {
    let c = try config()
    #expect(c.registry == "https://registry.npmjs.org/")
    #expect(c.registry(for: PackageName("@acme/cli")!) == "https://registry.npmjs.org/")
    #expect(c.authorization(for: "https://registry.npmjs.org/typescript") == nil)
  }

  @Test func projectWinsOverHomeAndEnvironmentOverBoth() throws {
    let c = try config(
      project: "registry=https://project.example/npm\n@acme:registry = \"https://acme.example/\"\n",
      home: "registry=https://home.example/\n; a comment\n# another\n@other:registry=https://other.example\n")
    #expect(c.registry == "https://project.example/npm/")
    #expect(c.registry(for: PackageName("@acme/cli")!) == "https://acme.example/")
    #expect(c.registry(for: PackageName("@other/x")!) == "https://other.example/")
    #expect(c.registry(for: PackageName("left-pad")!) == "https://project.example/npm/")
    let e = try config(project: "registry=https://project.example/", env: ["npm_config_registry": "https://env.example"])
    #expect(e.registry == "https://env.example/")
    let upper = try config(env: ["NPM_CONFIG_REGISTRY": "https://upper.example/", "NPM_CONFIG_STRICT_SSL": "true"])
    #expect(upper.registry == "https://upper.example/")
    #expect(upper.strictSSL)
  }

  @Test func tokensGoOnlyToTheirHostAndPath() throws {
    let c = try config(
      project: """
        //npm.acme.example/private/:_authToken=${ACME_TOKEN}
        //basic.example/:_auth=dXNlcjpwYXNz
        //pw.example/:username=u
        //pw.example/:_password=cGFzcw==
        """, env: ["ACME_TOKEN": "s3cret"])
    #expect(c.authorization(for: "https://npm.acme.example/private/@acme%2fcli") == "Bearer s3cret")
    #expect(c.authorization(for: "https://npm.acme.example/private/@acme/cli/-/cli-1.0.0.tgz") == "Bearer s3cret")
    // Another path, host, port or a look-alike host gets nothing.
    #expect(c.authorization(for: "https://npm.acme.example/public/x") == nil)
    #expect(c.authorization(for: "https://npm.acme.example:8443/private/x") == nil)
    #expect(c.authorization(for: "https://npm.acme.example.evil.example/private/x") == nil)
    #expect(c.authorization(for: "https://registry.npmjs.org/x") == nil)
    #expect(c.authorization(for: "https://basic.example/a/b") == "Basic dXNlcjpwYXNz")
    #expect(c.authorization(for: "https://pw.example/x") == "Basic \(Base64.encode(Array("u:pass".utf8)))")
  }

  @Test func legacyTopLevelAuthIsForTheDefaultRegistryOnly() throws {
    let c = try config(home: "registry=https://corp.example/npm/\n_authToken=t0k\n")
    #expect(c.authorization(for: "https://corp.example/npm/left-pad") == "Bearer t0k")
    #expect(c.authorization(for: "https://elsewhere.example/npm/left-pad") == nil)
  }

  @Test func environmentCredentialsAndCafile() throws {
    let c = try config(env: ["npm_config_//env.example/:_authToken": "e", "npm_config_cafile": "/etc/ca.pem"])
    #expect(c.authorization(for: "https://env.example/pkg") == "Bearer e")
    #expect(c.cafile == "/etc/ca.pem")
  }

  @Test func badSettingsAreConfigErrors() throws {
    #expect {
      _ = try config(project: "registry=ftp://nope\n")
    } throws: { ($0 as? FeError)?.kind == .config && "\($0)".contains("is not an http(s) URL") }
    #expect {
      _ = try config(project: "//x.example/:_authToken=${UNSET_TOKEN}\n")
    } throws: { ($0 as? FeError)?.kind == .config && "\($0)".contains("uses ${UNSET_TOKEN}, which is not set") }
    // ${VAR?} may be unset.
    let c = try config(project: "//x.example/:_authToken=${UNSET_TOKEN?}\n")
    #expect(c.authorization(for: "https://x.example/p") == "Bearer ")
  }

  @Test(arguments: [
    ("https://registry.npmjs.org/", "//registry.npmjs.org/"),
    ("https://r.example/a/b", "//r.example/a/"),
    ("http://127.0.0.1:4873/x/-/x-1.tgz?a=1", "//127.0.0.1:4873/x/-/"),
    ("HTTPS://R.Example/", "//r.example/"),
  ])
  func nerfDarts(url: String, dart: String) {
    #expect(NpmConfig.nerfDart(url) == dart)
  }

  @Test(arguments: [
    ("typescript", "typescript", "latest"),
    ("typescript@4.8.x", "typescript", "4.8.x"),
    ("npm:@acme/cli@^2", "@acme/cli", "^2"),
    ("@acme/cli", "@acme/cli", "latest"),
    ("eslint@next", "eslint", "next"),
  ])
  func specs(text: String, name: String, selector: String) throws {
    let spec = try PackageSpec(parsing: text, origin: "test")
    #expect(spec.name.text == name)
    #expect(spec.selector.description == selector)
  }

  @Test(arguments: ["", "@", "@scope", "Bad Name", "../x", "a@>=<nonsense", "@scope/"])
  func badSpecs(text: String) {
    #expect { _ = try PackageSpec(parsing: text, origin: "fe.config.js: tools.x") } throws: {
      ($0 as? FeError)?.kind == .usage && "\($0)".hasPrefix("fe.config.js: tools.x: ")
    }
  }
}
