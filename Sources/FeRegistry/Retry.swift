#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// When to try a request again, and how long to wait first. Transient failures (a 5xx, a 429,
/// a refused, dropped or timed-out connection) are retried with exponential backoff and jitter;
/// a 4xx is the server's final answer and is never retried.
public struct RetryPolicy: Sendable, Equatable {
  /// Retries after the first attempt (FE_HTTP_RETRIES, default 4).
  public var retries: Int
  /// The first pause; each later one doubles (FE_HTTP_RETRY_DELAY, seconds, default 0.5).
  public var baseDelay: Double
  /// No pause is longer than this, whatever a Retry-After header asks.
  public var maxDelay: Double
  /// Resumes of a download that was making progress (64 KiB or more since the last attempt),
  /// counted apart from retries so a large file on a flaky link still finishes, but bounded so
  /// a server that never finishes cannot loop.
  public var maxResumes: Int

  public init(retries: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 30, maxResumes: Int = 100) {
    self.retries = retries
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxResumes = maxResumes
  }

  /// Whether a response with `status` is worth another attempt: 429 and 5xx, except the two
  /// that say the request itself will never work (501 Not Implemented, 505 Version Not Supported).
  public static func isRetryable(status: Int) -> Bool {
    status == 429 || (500...599).contains(status) && status != 501 && status != 505
  }

  /// The pause before retry number `retry` (1-based): base·2^(retry-1), jittered to 50–100 % so
  /// parallel CI jobs do not retry in lockstep; a server's Retry-After (seconds) wins when longer.
  public func delay(beforeRetry retry: Int, retryAfter: String? = nil) -> Double {
    let exponential = baseDelay * Double(1 << min(max(retry - 1, 0), 16))
    var pause = min(maxDelay, exponential) * Double.random(in: 0.5...1.0)
    if let retryAfter, let seconds = Double(retryAfter.trimmed(of: " ")), seconds >= 0 {
      pause = max(pause, min(seconds, maxDelay))
    }
    return pause
  }

  /// Sleeps for `seconds` (the client's default pause; tests may inject another).
  public static func sleep(_ seconds: Double) {
    guard seconds > 0 else { return }
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
  }
}
