import FeBasics

/// Finds the project's fe.config.js: FE_CONFIG if set, else the nearest one walking up from
/// the current directory (as git finds .git).
public enum ConfigLocator {
  public static let fileNames = ["fe.config.js", "fe.config.mjs", "fe.config.cjs"]

  public static func find(cwd: String, env: [String: String]) throws -> String {
    if let override = env["FE_CONFIG"], !override.isEmpty {
      let path = Path.absolute(override, from: cwd)
      guard FileSystem.isFile(path) else {
        throw FileSystem.exists(path) ? ConfigError.notAFile(path) : ConfigError.missing(path)
      }
      return path
    }
    var dir = Path.normalize(cwd)
    while true {
      for name in fileNames {
        let candidate = Path.join(dir, name)
        if FileSystem.isFile(candidate) { return candidate }
        // Something else by that name is this project's config gone wrong, never a reason to
        // take a parent directory's config instead.
        if FileSystem.exists(candidate) { throw ConfigError.notAFile(candidate) }
      }
      if dir == "/" { throw ConfigError.notFound(from: cwd) }
      dir = Path.dirname(dir)
    }
  }
}
