import FeBasics
import FoundationEssentials

/// The few package.json fields fe reads.
struct PackageJSON: Decodable {
  var name: String?
  var version: String?
  var main: String?
  /// "module" makes its .js files ES modules.
  var type: String?

  static func parse(_ text: String, path: String) throws -> PackageJSON {
    do {
      return try JSONDecoder().decode(PackageJSON.self, from: Data(text.utf8))
    } catch {
      throw FeError(.usage, "\(path) is not valid JSON with string fields name, version, main", hint: "fix \(path)")
    }
  }
}
