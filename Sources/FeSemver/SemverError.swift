/// Why a version, range or pin could not be parsed.
///
/// The description quotes the input and says what is wrong with it, e.g.
/// `"^2.x.y" is not a valid version range: expected a number, "x" or "*" after "." in "^2.x.y"`,
/// because it ends up in front of a user who typed that string into a config file.
public struct SemverError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What the input was supposed to be.
  public enum Subject: String, Sendable, Equatable {
    case version = "version"
    case range = "version range"
    case selector = "version range or dist-tag"
  }

  /// The text as it was given, untrimmed.
  public var input: String
  public var subject: Subject
  /// What is wrong with the input, one clause without a trailing period.
  public var reason: String

  public init(input: String, subject: Subject, reason: String) {
    self.input = input
    self.subject = subject
    self.reason = reason
  }

  public var description: String {
    "\"\(input)\" is not a valid \(subject.rawValue): \(reason)"
  }
}

/// An internal failure carrying only the reason; the public entry points add the input and subject.
struct ParseFailure: Error {
  var reason: String

  init(_ reason: String) {
    self.reason = reason
  }
}
