import FeSemver

/// npm's choice of a version for a spec (npm-pick-manifest): a tag names its version; for a
/// range, the `latest` tag's version wins when it satisfies the range, else the highest
/// satisfying version, preferring versions that are not deprecated. Prereleases satisfy only
/// ranges that name a prerelease of the same major.minor.patch, as in node-semver.
enum VersionPicker {
  enum Failure: Error, Equatable {
    case noSuchTag(String)
    case noneSatisfies
  }

  static func pick(_ selector: VersionSelector, in packument: Packument) -> Result<Manifest, Failure> {
    switch selector {
    case .tag(let tag):
      guard let text = packument.distTags[tag], let v = try? Version(parsing: text), let m = packument.manifest(v) else {
        return .failure(.noSuchTag(tag))
      }
      return .success(m)
    case .range(let range):
      if let latestText = packument.distTags["latest"], let latest = try? Version(parsing: latestText),
        range.contains(latest), let m = packument.manifest(latest)
      {
        return .success(m)
      }
      let satisfying = packument.versions.filter { range.contains($0.version) }
      if let best = satisfying.last(where: { $0.deprecated == nil }) ?? satisfying.last { return .success(best) }
      return .failure(.noneSatisfies)
    }
  }
}
