import FeBasics
import FeEngine

/// Package images (npm tools): the snapshot keeps the compiled code of what the tool loads.
///
/// A tool's bin requires tens or hundreds of files from its tree at every launch, and compiling
/// them was most of its start-up. When its blob is built, the CommonJS files its entry reaches
/// through literal `require()` calls (found by the runtime's own resolver) are compiled as
/// Node's module wrapper and kept in the snapshot, filename → (source, wrapper). At launch the
/// loader still reads each file, and uses the kept wrapper only while the file holds the same
/// source (a V8 code cache would check no more than its length). A computed `require()` the scan
/// cannot see, or a file changed since, compiles at launch as before.
extension Runtime {
  /// A file of a package image, by the path the tool will load it from.
  public struct ImageModule: Sendable {
    public let path: String
    public let source: String
    public init(path: String, source: String) {
      self.path = path
      self.source = source
    }
  }

  /// A literal `require(request)` in `parent` that Node's resolver answers with `file`.
  public struct ImageResolution: Sendable, Equatable {
    public let parent: String
    public let request: String
    public let file: String
    public init(parent: String, request: String, file: String) {
      self.parent = parent
      self.request = request
      self.file = file
    }
  }

  /// At most this many files are compiled into one snapshot: a larger tree keeps the rest lazy.
  public static let imageModuleLimit = 4000

  /// The CommonJS files `entry` reaches through literal `require()` calls (`entry` itself not
  /// among them), resolved as Node resolves them, and each call's answer. Runs in a throwaway
  /// runtime, so nothing the resolver caches reaches a snapshot.
  public static func requireClosure(entry: String) throws -> (files: [String], resolutions: [ImageResolution]) {
    let rt = Runtime(isolate: Isolate(), permissions: .all)
    try rt.bootstrap(codeCache: launchCodeCache)
    try rt.setup(argv: ["fe", entry], env: [:], execPath: "fe")
    return try rt.isolate.scope { s in
      let found = try s.callCore(.requireClosure, [s.string(entry), s.number(Double(imageModuleLimit))])
      func strings(_ list: Local?) -> [String] {
        guard let list else { return [] }
        return (0..<s.length(list)).compactMap { s.element(list, $0).map { s.string($0) } }
      }
      let resolutions = s.get(found, "resolutions").map { list in
        (0..<s.length(list)).compactMap { i -> ImageResolution? in
          let r = strings(s.element(list, i))
          return r.count == 3 ? ImageResolution(parent: r[0], request: r[1], file: r[2]) : nil
        }
      }
      return (strings(s.get(found, "files")), resolutions ?? [])
    }
  }

  /// Build time: compiles each file as Node's module wrapper into the loader's table of image
  /// modules (19-cjs.js), where the snapshot keeps it, and records the literal requires'
  /// answers. `eager` compiles every inner function too.
  public func precompile(_ modules: [ImageModule], resolutions: [ImageResolution] = [], eager: Bool) throws {
    try isolate.scope { s in
      guard let table = s.get(s.core, "imageModules"), let set = s.get(table, "set"),
        let answers = s.get(s.core, "imageResolutions"), let setAnswer = s.get(answers, "set")
      else {
        throw JSError(message: "the runtime has no table of image modules")
      }
      // Keyed as Module._load looks them up: the requiring module's directory and the request.
      for r in resolutions {
        try s.call(setAnswer, this: answers, [s.string(Path.dirname(r.parent) + "\u{0}" + r.request), s.string(r.file)])
      }
      for module in modules {
        let source = s.string(module.source.first == "\u{FEFF}" ? String(module.source.dropFirst()) : module.source)
        let fn: Local
        do {
          fn = try s.compileFunction(source, name: module.path, params: ModuleLoader.wrapperParams, eager: eager)
        } catch is JSError {
          continue  // a syntax error is the loader's to report, when (if ever) the file loads
        }
        let entry = s.array(2)
        _ = s.set(entry, 0, source)
        _ = s.set(entry, 1, fn)
        try s.call(set, this: table, [s.string(module.path), entry])
      }
    }
  }
}
