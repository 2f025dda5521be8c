import ArgumentParser
import FeBasics
import FeConfig
import FeEngine
import FeLaunch
import FeRegistry
import FeSemver
import FeStore

extension BlobsCommand {
  struct Install: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install blobs: what the project pins, <tool>@<range> from a registry, a local bundle or source directory, or a pack.",
      discussion: """
        <tool>@<range> resolves against the registry (--registry, FE_REGISTRY, or `registry` in
        fe.config.js), downloads the highest matching version, verifies every file against the
        registry's index (and the index against `trustedKeys` / FE_TRUSTED_KEYS when set: a
        signed index older than one seen before, or expired, is refused), and installs it
        atomically; a version already installed is not downloaded again. With no
        argument, everything the project pins is installed the same way, keeping the versions
        fe.lock (beside fe.config.js) locks while they satisfy the pins, and fe.lock is written.
        --update re-resolves (one tool, or all) and moves fe.lock forward. --frozen (the default
        when CI is set) installs exactly what fe.lock says and never writes it: exit 78 when
        fe.lock is missing or stale, 65 when a sha256 does not match. A locked version already
        installed with its locked sha256 needs no registry.

        A source directory holds a package.json with "name", "version" and "main" (the entry file;
        when it requires relative modules, esbuild bundles them into one file). An npm package directory with a "bin" has that bin bundled with its dependencies
        by esbuild (node_modules, then NODE_PATH); the tool is named after the bin (--bin picks one). A .js file needs --name and --version. --from installs a file written by
        `fe blobs pack`, with no network.

        npm:<package>[@<range or tag>] installs from an npm registry, configured as npm configures it
        (.npmrc in the current directory and the home directory, npm_config_* variables): the
        package and its dependencies, verified against their registry signatures and integrity,
        kept whole in the blob (install scripts are never run); the tool is the package's bin of
        --bin's name, or its only bin, or the one named after the package.

        Environment: FE_REGISTRY, FE_REGISTRY_TOKEN, FE_TRUSTED_KEYS, FE_OFFLINE, FE_HTTP_TIMEOUT,
        FE_HTTP_CONNECT_TIMEOUT, FE_HTTP_MIN_SPEED, FE_HTTP_STALL_TIMEOUT, FE_HTTP_RETRIES, FE_HTTP_RETRY_DELAY,
        FE_CA_FILE, NODE_EXTRA_CA_CERTS. Proxies, by the rule a tool's fetch() also uses (lowercase
        first): http_proxy, HTTP_PROXY (ignored when REQUEST_METHOD is set) for http URLs;
        https_proxy, HTTPS_PROXY for https; else all_proxy, ALL_PROXY; no_proxy, NO_PROXY hosts go
        direct. See README, "Environment".
        """
    )

    @Argument(help: "<tool>@<range>, npm:<package>[@<range>], a directory, or a .js bundle. Empty: everything the project pins.")
    var target: String?
    @Option(help: "Tool name, for a .js bundle.") var name: String?
    @Option(help: "Version, for a .js bundle.") var version: String?
    @Option(help: "For a package directory with several bins: the one to bundle.") var bin: String?
    @Option(help: "Install the blobs in a pack written by `fe blobs pack`.") var from: String?
    @Flag(
      inversion: .prefixedNo,
      help:
        "Install exactly what fe.lock says and never write it (default when CI is set); a missing or stale lock fails (78), a changed hash fails (65)."
    )
    var frozen: Bool?
    @Flag(help: "Re-resolve the pins (or only the tool given as the argument) and move fe.lock forward.")
    var update = false
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      // npm tools are installed without their snapshots: built in the background from here on.
      defer {
        let jobs = SnapshotJobs(context: c, store: store)
        if !jobs.missing().isEmpty { jobs.startInBackground() }
      }
      if let from {
        guard target == nil else {
          throw FeError(.usage, "--from installs a pack; it takes no other target", hint: "fe blobs install --from <file>")
        }
        return try installPack(Path.absolute(from, from: c.cwd), c, store)
      }
      if update {
        guard frozen != true else {
          throw FeError(.usage, "--update moves fe.lock forward; --frozen never changes it", hint: "use one of them")
        }
        return try installPinned(c, store, frozen: false, update: Set(target.map { [$0] } ?? []))
      }
      guard let target else { return try installPinned(c, store, frozen: frozen ?? c.isCI, update: nil) }
      if frozen == true {
        throw FeError(
          .usage, "--frozen installs what fe.lock pins; it takes no target", hint: "run `fe blobs install --frozen` in the project")
      }
      if target.hasPrefix("npm:") { return try installNpm(target, c, store) }
      let path = Path.absolute(target, from: c.cwd)
      if FileSystem.isDirectory(path) || target.hasSuffix(".js") || target.hasSuffix(".mjs") || target.hasSuffix(".cjs") {
        return try installLocal(path, c, store)
      }
      try installSpec(target, c, store)
    }

    private func installLocal(_ path: String, _ c: FeContext, _ store: BlobStore) throws {
      let loaded: ToolSource
      let from: String
      // An npm package with a "bin": bundled with its dependencies (NodePackage.swift).
      if FileSystem.isDirectory(path), let info = try NodePackage.info(path) {
        loaded = try NodePackage.bundle(dir: path, info: info, bin: bin, name: name, version: version, env: c.env)
        from = loaded.entry
      } else {
        loaded = try LocalSource.load(path, name: name, version: version, env: c.env)
        from = path
      }
      if let warning = loaded.warning { c.err(warning) }
      let blob = try BlobBuilder(options: c.options).install(
        source: loaded.source, tool: loaded.tool, version: loaded.version, origin: path, store: store, replace: true)
      report(c, "installed \(blob.spec) from \(from)", blob: blob)
    }

    /// `npm:<package>[@<range or tag>]`: the package's tree from its npm registry, as a package image.
    private func installNpm(_ spec: String, _ c: FeContext, _ store: BlobStore) throws {
      let installed = try NpmTool(context: c, store: store).install(
        spec, bin: bin ?? name, offline: registry.offline || c.options.offline, projectDir: nil)
      let count = installed.report.packages.count
      report(
        c, "installed \(installed.blob.spec) from \(installed.package) (\(count) package\(count == 1 ? "" : "s"), \(installed.registry))",
        blob: installed.blob)
    }

    private func installSpec(_ spec: String, _ c: FeContext, _ store: BlobStore) throws {
      let (tool, range) = try ToolSpec.parse(spec)
      try Names.validateTool(tool)
      let selector: VersionSelector
      do { selector = try VersionSelector(parsing: range ?? "latest") } catch {
        throw FeError(
          .usage, "\"\(range ?? "")\" is not a valid version range: \(error)", hint: "use npm's range syntax, e.g. \(tool)@^2.1.0")
      }
      let config = try Launcher(context: c).loadConfig(required: false)
      let installer = try RegistrySetup.installer(
        c, registry: registry.registry, offline: registry.offline, config: config, quiet: output.quiet)
      let outcome = try installer.install(tool: tool, selector: selector)
      try report(c, tool, outcome, installer, store)
    }

    private func installPinned(_ c: FeContext, _ store: BlobStore, frozen: Bool, update: Set<String>?) throws {
      guard let config = try Launcher(context: c).loadConfig(required: true) else { return }
      let installer = try RegistrySetup.installer(
        c, registry: registry.registry, offline: registry.offline, config: config, quiet: output.quiet)
      let pinned = PinnedInstall(context: c, config: config, installer: installer, store: store, frozen: frozen, update: update)
      let (results, wroteLock) = try pinned.run()
      if output.json {
        return c.out(InstallJSON.pinned(results, lockPath: pinned.lockPath, frozen: frozen, wroteLock: wroteLock, store: store).json)
      }
      if output.quiet { return }
      for r in results {
        let spec = "\(r.tool)@\(r.entry.version)"
        switch r.outcome {
        case .installed(_, let prebuilt):
          c.out("installed \(spec) from \(r.entry.registry)" + (prebuilt ? "" : " (snapshot built here)"))
        case .alreadyInstalled:
          c.out("\(spec) satisfies \(r.entry.range)" + (r.fromLock ? " (locked)" : ""))
        }
      }
      if wroteLock { c.out("wrote \(pinned.lockPath)") }
    }

    private func installPack(_ path: String, _ c: FeContext, _ store: BlobStore) throws {
      let installer = try RegistrySetup.installer(c, registry: nil, offline: true, config: nil, quiet: output.quiet)
      let results = try installer.install(pack: path)
      if output.json {
        // One document, as `fe blobs list --json`: the pack's blobs, installed now or before.
        let blobs = try results.compactMap { try store.blob(tool: $0.tool, version: $0.outcome.version) }
        return c.out(JSValue.array(blobs.map { BlobJSON.entry($0, pinned: false) }).json)
      }
      if output.quiet { return }
      for (tool, outcome) in results {
        let spec = "\(tool)@\(outcome.version)"
        switch outcome {
        case .installed(_, let prebuilt): c.out("installed \(spec) from \(path)\(prebuilt ? "" : " (snapshot built here)")")
        case .alreadyInstalled: c.out("\(spec) is already installed")
        }
      }
      if results.isEmpty { c.out("\(path) holds no blobs") }
    }

    private func report(_ c: FeContext, _ tool: String, _ outcome: Installer.Outcome, _ installer: Installer, _ store: BlobStore) throws {
      let text: String
      let version: String
      switch outcome {
      case .installed(let v, let prebuilt):
        version = v
        text =
          "installed \(tool)@\(v) from \(installer.registry?.location.description ?? "the registry")"
          + (prebuilt ? "" : " (snapshot built here)")
      case .alreadyInstalled(let v):
        version = v
        text = "\(tool)@\(v) is already installed"
      }
      guard let blob = try store.blob(tool: tool, version: version) else { return }
      report(c, text, blob: blob)
    }

    private func report(_ c: FeContext, _ text: String, blob: InstalledBlob) {
      if output.json {
        c.out(BlobJSON.entry(blob, pinned: false).json)
      } else if !output.quiet {
        c.out(text)
      }
    }
  }
}

/// `tool@range` on the command line (`@scope/name@range` keeps its leading @).
enum ToolSpec {
  static func parse(_ spec: String) throws -> (tool: String, range: String?) {
    let body = spec.hasPrefix("@") ? String(spec.dropFirst()) : spec
    guard let at = body.lastIndex(of: "@") else { return (spec, nil) }
    let tool = (spec.hasPrefix("@") ? "@" : "") + body[..<at]
    let range = String(body[body.index(after: at)...])
    if tool.isEmpty || range.isEmpty {
      throw FeError(.usage, "\"\(spec)\" is not <tool>@<range>", hint: "for example fe@^2 or tsc@4.8.x")
    }
    return (tool, range)
  }
}
