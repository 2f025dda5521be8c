import FeBasics
import FeSemver

/// What the user typed for an npm package: `typescript`, `typescript@4.8.x`, `@acme/cli@next`.
/// No version means the `latest` tag, as in npm.
public struct PackageSpec: Hashable, Sendable, CustomStringConvertible {
  public let name: PackageName
  public let selector: VersionSelector

  public init(name: PackageName, selector: VersionSelector) {
    self.name = name
    self.selector = selector
  }

  /// `name[@range-or-tag]`; `origin` says where it was written, for the error.
  public init(parsing text: String, origin: String) throws {
    let body = text.hasPrefix("npm:") ? String(text.dropFirst(4)) : text
    // The version part starts at the first `@` after the name (a scope's `@` is the name's).
    let searchFrom = body.hasPrefix("@") ? body.index(after: body.startIndex) : body.startIndex
    let at = body[searchFrom...].firstIndex(of: "@")
    let nameText = at.map { String(body[..<$0]) } ?? body
    guard let name = PackageName(nameText) else {
      throw FeError(
        .usage, "\(origin): \"\(nameText)\" is not an npm package name",
        hint: "write npm:<package>[@<range or tag>], e.g. npm:typescript@4.8.x or npm:@scope/name@^2")
    }
    let selectorText = at.map { String(body[body.index(after: $0)...]) } ?? ""
    self.name = name
    do {
      selector = selectorText.isEmpty ? .tag("latest") : try VersionSelector(parsing: selectorText)
    } catch {
      throw FeError(
        .usage, "\(origin): \"\(selectorText)\" in \(text) is neither a version range nor a dist-tag",
        hint: "write a range as npm does (4.8.x, ^2, ~1.2.3) or a tag (latest, next)")
    }
  }

  public var description: String { "\(name)@\(selector)" }
}

/// One dependency as a package.json writes it (`"acorn": "^8.5.0"`, an alias
/// `"foo": "npm:bar@^1"`), read into the package to fetch and what version of it.
struct DependencySpec {
  /// The name it is installed under (node_modules/<key>).
  let key: PackageName
  /// The package fetched (differs from `key` for an alias).
  let name: PackageName
  let selector: VersionSelector
  let text: String

  /// Why a spec is not one fe can install, in a phrase.
  struct Problem: Error {
    let why: String
  }

  /// A failure for specs that are not registry versions (git, file:, URLs), saying why.
  static func parse(key: String, spec: String) -> Result<DependencySpec, Problem> {
    guard let keyName = PackageName(key) else { return .failure(Problem(why: "\"\(key)\" is not a package name")) }
    if spec.hasPrefix("npm:") {
      guard let inner = try? PackageSpec(parsing: spec, origin: key) else {
        return .failure(Problem(why: "\"\(spec)\" is not an npm alias"))
      }
      return .success(DependencySpec(key: keyName, name: inner.name, selector: inner.selector, text: spec))
    }
    let trimmed = spec.trimmed()
    if let selector = try? VersionSelector(parsing: trimmed.isEmpty ? "*" : trimmed) {
      return .success(DependencySpec(key: keyName, name: keyName, selector: selector, text: spec))
    }
    return .failure(Problem(why: "\"\(spec)\" is not a version range or dist-tag (git, file: and URL dependencies are not supported)"))
  }
}
