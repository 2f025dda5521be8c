import FeSemver
import FoundationEssentials

/// npm's choice of a version for a spec (npm-pick-manifest): a tag names its version; for a
/// range, the `latest` tag's version wins when it satisfies the range, else the highest
/// satisfying version, preferring versions that are not deprecated. Prereleases satisfy only
/// ranges that name a prerelease of the same major.minor.patch, as in node-semver. With a
/// cut-off date (a minimum release age, or npm's `before`), versions published after it, or
/// with no publish time, do not exist.
enum VersionPicker {
  enum Failure: Error, Equatable {
    case noSuchTag(String)
    case noneSatisfies
    /// Versions satisfy, but all were published after the cut-off.
    case tooRecent
    /// The version npm would pick is listed without what an install needs.
    case malformed(Version, String)
  }

  static func pick(_ selector: VersionSelector, in packument: Packument, before: Date? = nil) -> Result<Manifest, Failure> {
    func old(_ m: Manifest) -> Bool {
      guard let before else { return true }
      return packument.time[m.version.description].map { $0 <= before } ?? false
    }
    switch selector {
    case .tag(let tag):
      guard let text = packument.distTags[tag], let v = try? Version(parsing: text) else { return .failure(.noSuchTag(tag)) }
      if let why = packument.malformed[v] { return .failure(.malformed(v, why)) }
      guard let m = packument.manifest(v) else { return .failure(.noSuchTag(tag)) }
      return old(m) ? .success(m) : .failure(.tooRecent)
    case .range(let range):
      if let latestText = packument.distTags["latest"], let latest = try? Version(parsing: latestText), range.contains(latest) {
        if let why = packument.malformed[latest] { return .failure(.malformed(latest, why)) }
        if let m = packument.manifest(latest), old(m) { return .success(m) }
      }
      let satisfying = packument.versions.filter { range.contains($0.version) }
      let allowed = satisfying.filter(old)
      let best = allowed.last(where: { $0.deprecated == nil }) ?? allowed.last
      // A broken entry above the best usable one is the version npm would have picked.
      if let broken = packument.malformed.keys.filter({ range.contains($0) }).max(), best.map({ broken > $0.version }) ?? true {
        return .failure(.malformed(broken, packument.malformed[broken]!))
      }
      if let best { return .success(best) }
      return .failure(satisfying.isEmpty ? .noneSatisfies : .tooRecent)
    }
  }
}
