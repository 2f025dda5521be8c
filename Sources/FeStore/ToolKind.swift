/// What a blob holds, and so how it is built and launched (CONTRACT "What a tool sees"; the
/// build and launch steps of each kind sit side by side in FeLaunch's `ToolKind+Steps.swift`).
public enum ToolKind: String, CaseIterable, Sendable, Codable {
  /// A bundle that registers `fe.main(async (args, ctx) => code)`: run once when the blob is
  /// built, its `main` called at launch.
  case feNative = "fe-native"
  /// An ES module: the snapshot holds the runtime only; the module loads at launch and its
  /// exported `main(args)`, if any, is called.
  case esm
  /// An unmodified Node CLI: compiled when the blob is built, run at launch as the main module.
  case cjs

  /// Decodes the manifest's string; an unknown kind is "unknown kind "…"" (Manifest.describe).
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let kind = ToolKind(rawValue: text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown kind \"\(text.prefix(20))\"")
    }
    self = kind
  }
}
