import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeRegistry
import FeRuntime
import FeStore

extension BlobsCommand {
  struct Publish: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a tool version into a registry directory: <tool>/<version>/source.js.zst and <tool>/index.json.",
      discussion: """
        The entry is a single-file bundle (with --name and --version) or a source directory with
        package.json. Publishing the same content again changes nothing; different content under
        a published version is refused. `latest` follows the highest non-prerelease version.
        --with-snapshot adds a prebuilt snapshot for this fe's engine, so installs skip building
        one. --sign-key (repeatable, for key rotation) signs index.json with an Ed25519 PEM key
        (`openssl genpkey -algorithm ed25519`) into index.json.sig and prints the public key to
        put in `trustedKeys`. Serve the directory with any static file server.

        An entry written npm:<package>[@<range or tag>] is installed from its npm registry as
        `fe blobs install` does (--name picks the bin), and published with its package image
        (<version>/image.zst); each install of it builds its own snapshot.

        Every change to index.json increments its `serial` and sets `expires` (default 365 days
        ahead): clients that trust the key refuse an index older than one they have seen, or one
        past its expiry (65). --expires <days> sets the expiry, and renews an index even when
        nothing else changed (re-publish any version with the key before the old expiry).
        """
    )

    @Argument(help: "The tool's single-file bundle, a directory with package.json, or npm:<package>[@<range or tag>].")
    var entry: String
    @Option(help: "The tool's name (default: package.json's).") var name: String?
    @Option(help: "The version, as semver (default: package.json's).") var version: String?
    @Option(help: "The registry directory to write into.") var to: String
    @Flag(help: "Also publish a snapshot prebuilt for this fe's engine.") var withSnapshot = false
    @Option(help: "An Ed25519 private key (PEM) to sign the index with; repeat to sign with several.")
    var signKey: [String] = []
    @Option(help: "Days until index.json expires (1–3650, default 365); renews the index even when nothing else changed.")
    var expires: Int?
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let (entryPath, tool, ver, source, image) = try load(c)
      try Names.validateTool(tool)
      try Names.validateVersion(ver)
      let keys = try signKey.map { keyPath -> Ed25519Key in
        let abs = Path.absolute(keyPath, from: c.cwd)
        guard let pem = try FileSystem.read(abs) else {
          throw FeError(.usage, "no such key file: \(abs)", hint: "make one with `openssl genpkey -algorithm ed25519 -out key.pem`")
        }
        return try Ed25519Key.privateKey(pem: pem, path: abs)
      }
      var snapshot: Publisher.Snapshot?
      if withSnapshot {
        let built = try BlobBuilder(options: c.options).build(source: source, tool: tool, version: ver, sourcePath: entryPath, origin: nil)
        snapshot = Publisher.Snapshot(engineId: Runtime.engineID, blob: built.snapshot, kind: built.manifest.kind.rawValue)
      }
      if let expires, !(1...3650).contains(expires) {
        throw FeError(.usage, "--expires \(expires) is not a number of days from 1 to 3650", hint: "for example --expires 90")
      }
      let root = Path.absolute(to, from: c.cwd)
      let result = try Publisher(root: root).publish(
        tool: tool, version: ver, source: source, snapshot: snapshot, image: image, signingKeys: keys, expiresInDays: expires)
      if output.json {
        c.out(
          JSValue.object([
            ("tool", .string(tool)), ("version", .string(ver)), ("registry", .string(root)), ("changed", .bool(result.changed)),
            ("snapshot", withSnapshot ? .string(Runtime.engineID) : .null), ("latest", result.latest.map { .string($0) } ?? .null),
            ("signedBy", .array(keys.map { .string($0.publicKeyText) })),
            ("serial", result.serial.map { .number(Double($0)) } ?? .null), ("expires", result.expires.map { .string($0) } ?? .null),
          ]).json)
        return
      }
      if output.quiet { return }
      if result.changed {
        var line = "published \(tool)@\(ver) to \(Path.join(root, tool))"
        if result.addedSnapshot { line += " (with a snapshot for engine \(Runtime.engineID))" }
        c.out(line)
      } else {
        c.out("\(tool)@\(ver) is already published in \(root) with the same content")
      }
      if result.changed, let serial = result.serial, let expires = result.expires {
        c.out("index.json serial \(serial), expires \(expires)")
      }
      for key in keys { c.out("signed index.json with \(key.publicKeyText)") }
    }

    /// What to publish: a local bundle or directory, or an npm tool installed into this store
    /// first, whose blob source and package image are published.
    private func load(_ c: FeContext) throws -> (
      entry: String, tool: String, version: String, source: [UInt8], image: Publisher.Image?
    ) {
      guard entry.hasPrefix("npm:") else {
        let path = Path.absolute(entry, from: c.cwd)
        let local = try LocalSource.load(path, name: name, version: version, env: c.env)
        if let warning = local.warning { c.err(warning) }
        return (local.entry, local.tool, local.version, local.source, nil)
      }
      if version != nil || withSnapshot {
        throw FeError(
          .usage, "\(version != nil ? "--version" : "--with-snapshot") does not apply to \(entry)",
          hint: "an npm tool is published at its package's version, and each install builds its own snapshot")
      }
      let store = BlobStore(layout: c.layout)
      let installed = try NpmTool(context: c, store: store).install(entry, bin: name, offline: c.options.offline, projectDir: nil)
      let blob = installed.blob
      guard let manifest = blob.manifest, let digest = manifest.imageSha256,
        let rel = ImageArchive.entryInImage(origin: manifest.origin, tool: blob.tool, version: blob.version)
      else {
        throw FeError(.internalError, "\(blob.spec) was installed without its package image", hint: "this is a bug in fe; please report it")
      }
      let imageDir = Path.join(blob.path, StoreLayout.imageDir)
      let sourcePath = store.layout.sourcePath(blob.tool, blob.version)
      let source: [UInt8]
      do { source = try StoreFile.read(sourcePath) } catch {
        throw FeError(.integrity, error.describe(sourcePath), hint: "install it again: `fe blobs install \(entry)`")
      }
      return (
        Path.join(imageDir, rel), blob.tool, blob.version, source,
        Publisher.Image(archive: try ImageArchive.encode(imageDir), digest: digest, entry: rel, native: manifest.native)
      )
    }
  }
}
