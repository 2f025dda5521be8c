import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeStore

extension BlobsCommand {
  struct Shim: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put <tool> on PATH: $FE_HOME/bin/<tool> runs the version the current project pins (no tool: list the shims).",
      discussion: """
        A shim is a symlink to the fe binary; started under the tool's name, fe runs
        `fe blobs exec <tool> -- <args…>`: the version pinned under `tools` in the nearest
        fe.config.js, else the highest installed release. The tool's exit code passes through
        unchanged; fe's own errors start with `fe: error:`. A shim named `fe` runs the default
        tool, as `fe` does. Add $FE_HOME/bin to PATH once (fe prints the line when it is missing).
        """)

    @Argument(help: "Tools to make (or with --remove, remove) shims for.") var tools: [String] = []
    @Flag(help: "Remove the shims instead.") var remove = false
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let shims = Shims(layout: c.layout)
      if tools.isEmpty {
        if remove { throw FeError(.usage, "--remove needs the tools whose shims to remove", hint: "fe blobs shim --remove <tool>") }
        return list(shims, c)
      }
      for tool in tools { try Names.validateTool(tool) }
      let store = BlobStore(layout: c.layout)
      var made: [Shims.Entry] = []
      for tool in tools {
        if remove {
          try shims.remove(tool)
          if !output.quiet && !output.json { c.out("removed the shim \(shims.layout.shimPath(tool))") }
        } else {
          let entry = try shims.create(tool, executable: c.executable)
          made.append(entry)
          guard !output.quiet && !output.json else { continue }
          c.out("\(entry.path) -> \(c.executable)")
          if tool != "fe" && store.versions(of: tool).isEmpty {
            c.err("fe: note: no version of \(tool) is installed yet; install one with `fe blobs install \(tool)@<range>`")
          }
        }
      }
      if output.json {
        c.out(ShimJSON.document(remove ? [] : made, shims: shims, env: c.env).json)
      } else if !remove && !output.quiet {
        pathAdvice(shims, c)
      }
    }

    private func list(_ shims: Shims, _ c: FeContext) {
      let entries = shims.list()
      if output.json { return c.out(ShimJSON.document(entries, shims: shims, env: c.env).json) }
      if output.quiet { return }
      if entries.isEmpty {
        c.out("no shims in \(shims.layout.binDir); make one with `fe blobs shim <tool>`")
        return
      }
      let width = entries.map(\.name.count).max() ?? 0
      for e in entries {
        let state = e.target == nil ? "(not a shim made by fe)" : e.targetExists ? "-> \(e.target ?? "")" : "-> \(e.target ?? "") (missing)"
        c.out("\(e.name.padding(to: width)) \(state)")
      }
      pathAdvice(shims, c)
    }

    /// The line to add to a shell profile when the shims are not on PATH yet.
    private func pathAdvice(_ shims: Shims, _ c: FeContext) {
      guard !shims.isOnPath(c.env["PATH"]) else { return }
      c.out("\(shims.layout.binDir) is not on PATH; add this line to your shell profile (~/.profile, ~/.bashrc, ~/.zshrc):")
      c.out("  export PATH=\"\(shims.layout.binDir):$PATH\"")
    }
  }
}

/// `fe blobs shim --json` (docs/schemas/shim.schema.json).
enum ShimJSON {
  static func document(_ entries: [Shims.Entry], shims: Shims, env: [String: String]) -> JSValue {
    .object([
      ("binDir", .string(shims.layout.binDir)),
      ("onPath", .bool(shims.isOnPath(env["PATH"]))),
      (
        "shims",
        .array(
          entries.map { e in
            .object([
              ("name", .string(e.name)), ("path", .string(e.path)), ("target", e.target.map { .string($0) } ?? .null),
              ("ok", .bool(e.target != nil && e.targetExists)),
            ])
          })
      ),
    ])
  }
}
