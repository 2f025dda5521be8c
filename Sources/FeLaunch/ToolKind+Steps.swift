import FeBasics
import FeEngine
import FeRuntime
import FeStore

/// Each kind of tool's two steps, side by side: what its blob's snapshot holds (`build`, run by
/// BlobBuilder) and how a launch runs it from that snapshot (`launch`, run by Launcher in a
/// runtime already booted and set up).
extension ToolKind {
  /// What a build step needs to know about the tool.
  struct BuildInput {
    let text: String
    let tool: String
    let version: String
    /// Where the bundle lives as it is built (the path a build-time run sees).
    let sourcePath: String
    let origin: String?
    /// The tool's package image, when it has one.
    let image: ImageLocation?
    let options: LaunchOptions
  }

  /// What a launch step needs to know about the tool.
  struct LaunchInput {
    let tool: String
    let version: String
    let manifest: Manifest
    /// The blob's stored source.
    let sourcePath: String
    let args: [String]
    /// `ctx` for a fe-native tool's main: the evaluated config, the project, the tool.
    let context: () -> JSValue
  }

  /// A bundle that turned out to need module syntax: it is built as an ES module instead.
  struct IsModule: Error {}

  // MARK: build

  /// A snapshot-builder runtime holding what a blob of this kind snapshots. Throws `IsModule`
  /// when a bundle taken for fe-native or a Node CLI needs module syntax.
  func build(_ input: BuildInput) throws -> Runtime {
    // An image's entry is named by its installed path, which a staged image does not have yet;
    // the files it requires are found (in an isolate of their own) while the builder boots.
    let entry =
      input.image == nil
      ? NodeCLIEntry.path(origin: input.origin, sourcePath: input.sourcePath) : input.origin ?? input.sourcePath
    let modules = self == .cjs ? input.image.map { image in Background { try image.modules(requiredBy: entry) } } : nil
    let runtime = try Runtime.makeSnapshotBuilder()
    switch self {
    case .feNative:
      // A fe-native bundle runs once, here; what it sets up (fe.main) is in the snapshot.
      do {
        try runtime.runCommonJS(input.text, path: input.sourcePath)
      } catch let e as JSError where BlobBuilder.isModuleSyntax(e) {
        throw IsModule()
      } catch let e as JSError {
        throw FeError(
          .usage,
          "\(input.tool)@\(input.version): the bundle threw while the blob was built: \(e.location.map { "\($0): " } ?? "")\(e.message)",
          hint: "a fe-native tool's top level runs at build time; move work that needs argv, env or files into fe.main")
      }
      guard runtime.hasMain else {
        throw FeError(
          .usage, "\(input.tool)@\(input.version): the bundle ran but never called fe.main(...)",
          hint: "register the entry point: fe.main(async (args, ctx) => 0)")
      }
    case .esm:
      // The snapshot holds the runtime; the module loads at launch.
      break
    case .cjs:
      // Compiled now, run at launch as the main module. Eagerly (every function's bytecode goes
      // into the snapshot) unless FE_CJS_LAZY: a larger blob deserializes a little slower, but
      // the tool never compiles at launch: tsc compiles a small project ~25% faster than from a
      // lazily compiled blob (bench/results/tsc.md). The V8 quirk that some builtins (Array.prototype.at,
      // Object.hasOwn…) are missing while a snapshot is created cannot reach it: none of its
      // code runs before the snapshot is restored.
      do {
        try runtime.compileTool(input.text, path: entry, eager: !input.options.compileLazily)
        // The files of the image the entry requires, compiled as the entry is (eagerly, its
        // inner functions too: mocha --version 10% faster than lazily, for a snapshot 15% larger).
        if let image = try modules?.value() {
          try runtime.precompile(image.modules, resolutions: image.resolutions, eager: !input.options.compileLazily)
        }
      } catch let e as JSError where BlobBuilder.isModuleSyntax(e) {
        throw IsModule()
      } catch let e as JSError {
        throw FeError(
          .usage, "\(input.tool)@\(input.version): the bundle does not compile: \(e.location.map { "\($0): " } ?? "")\(e.message)",
          hint: "fe runs a CommonJS bundle or an ES module; check that the file runs under node")
      }
    }
    return runtime
  }

  // MARK: launch

  /// The path the tool runs as (`process.argv[1]`): a Node CLI's bundle file while it exists
  /// (NodeCLIEntry), else the blob's stored source.
  func entry(manifest: Manifest, sourcePath: String) -> String {
    self == .cjs ? NodeCLIEntry.path(manifest: manifest, sourcePath: sourcePath) : sourcePath
  }

  /// Runs the tool in `runtime`, booted from its blob and set up; returns its exit code.
  func launch(_ input: LaunchInput, in runtime: Runtime) throws -> Int32 {
    switch self {
    case .feNative: return try runtime.runMain(args: input.args, context: input.context())
    case .esm: return try runtime.runMainModule(path: input.sourcePath, args: input.args)
    case .cjs: return try runtime.runCompiledTool(filename: entry(manifest: input.manifest, sourcePath: input.sourcePath))
    }
  }
}
