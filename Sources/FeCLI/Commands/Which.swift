import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeNpm
import FeStore

extension BlobsCommand {
  struct Which: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the config file, pinned range, resolved version and blob path of a tool (default: fe).")

    @Argument(help: "The tool (default: fe).") var tool: String = "fe"
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      guard let config = try Launcher(context: c).loadConfig(required: true), let selector = try config.selector(for: tool) else {
        throw FeError(.config, "the project's config does not pin \(tool)", hint: "add it to fe.config.js")
      }
      let resolved = try PinnedVersion(context: c, store: store, config: config).resolve(tool: tool, selector: selector, missing: .fail)
      let (version, locked) = (resolved.version, resolved.locked)
      let path = store.layout.blobDir(tool, version)
      // An npm tool's package image says which package it is and which install scripts fe skipped.
      let record = ImageRecord.read(image: Path.join(path, StoreLayout.imageDir))
      // A native executable recorded at install time, and whether this environment execs it.
      let native = (try? store.manifest(tool: tool, version: version))?.native
      let nativePath = native.map { Path.join(path, StoreLayout.imageDir, $0.path) }
      let launcherBecause: String? = {
        guard let native else { return nil }
        if c.options.noNativeExec { return "FE_NO_NATIVE_EXEC is set" }
        return native.launcherEnv.first { !(c.env[$0] ?? "").isEmpty }.map { "\($0) is set" }
      }()
      if output.json {
        var fields: [(String, JSValue)] = [
          ("tool", .string(tool)), ("config", .string(config.path)), ("range", .string(config.pins[tool] ?? "")),
          ("version", .string(version)), ("path", .string(path)),
        ]
        if let record {
          fields.append(("package", .string(record.package)))
          fields.append(("installScripts", .array(record.installScripts.map { .string($0) })))
        }
        if let native, let nativePath {
          fields.append(
            (
              "native",
              .object([
                ("path", .string(nativePath)), ("package", .string(native.package)),
                ("launcherEnv", .array(native.launcherEnv.map { .string($0) })), ("exec", .bool(launcherBecause == nil)),
              ])
            ))
        }
        c.out(JSValue.object(fields).json)
      } else if !output.quiet {
        c.out("config   \(config.path)")
        c.out("range    \(tool)@\(config.pins[tool] ?? "")")
        c.out("version  \(version)" + (locked ? " (locked in \(Lockfile.fileName))" : ""))
        c.out("blob     \(path)")
        if let record {
          let n = record.packages.count
          c.out("package  \(record.package) (\(n) package\(n == 1 ? "" : "s") from \(record.registry))")
          if !record.installScripts.isEmpty {
            c.out("scripts  not run: \(record.installScripts.joined(separator: ", "))")
          }
        }
        if let native, let nativePath {
          let how = launcherBecause.map { "the JS launcher runs instead: \($0)" } ?? "exec'd directly"
          c.out("native   \(nativePath) (from \(native.package); \(how))")
        }
      }
    }
  }
}
