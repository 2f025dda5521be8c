import FeBasics
import FeRegistry

#if canImport(Glibc)
  import Glibc
#endif

/// Downloads the tarballs of a tree in parallel (each worker its own connection, with
/// HTTPClient's retries and resume), verifies each against its integrity while it is still
/// scratch, and keeps it in the content-addressed cache. Failures are collected per package,
/// so the caller can drop optional ones and report the first required one.
final class TarballFetcher {
  let client: NpmRegistryClient
  let cache: TarballCache
  let workers: Int
  /// A tarball larger than this is refused before it fills a disk.
  static let maxTarballSize: Int64 = 512 << 20

  init(client: NpmRegistryClient, cache: TarballCache, workers: Int = 8) {
    self.client = client
    self.cache = cache
    self.workers = workers
  }

  /// What to fetch: a package's label, tarball URL and the integrity its bytes must have.
  struct Ref {
    let id: String
    let url: String
    let integrity: Integrity?
    /// Where the integrity comes from, for the mismatch message ("its integrity").
    let integritySource: String

    init(_ m: Manifest) {
      id = m.id
      url = m.dist.tarball
      integrity = Integrity(integrity: m.dist.integrity, shasum: m.dist.shasum)
      integritySource = "its integrity"
    }

    init(id: String, url: String, integrity: Integrity, integritySource: String) {
      self.id = id
      self.url = url
      self.integrity = integrity
      self.integritySource = integritySource
    }
  }

  /// The cached tarball path for each manifest (by index), or the error that stopped it.
  func fetch(_ manifests: [Manifest]) -> [Result<String, FeError>] { fetch(refs: manifests.map(Ref.init)) }

  /// The cached tarball path for each ref (by index), or the error that stopped it.
  func fetch(refs manifests: [Ref]) -> [Result<String, FeError>] {
    cache.cleanStale()
    var results = [Result<String, FeError>?](repeating: nil, count: manifests.count)
    var next = 0
    let lock = Mutex()
    let count = min(workers, manifests.count)
    var threads: [pthread_t] = []
    let work = {
      var http: HTTPClient?
      while true {
        let i: Int? = lock.withLock {
          guard next < manifests.count else { return nil }
          next += 1
          return next - 1
        }
        guard let i else { return }
        let r: Result<String, FeError>
        do {
          let connection = try http ?? self.client.http()
          http = connection
          r = .success(try self.one(manifests[i], http: connection))
        } catch let e as FeError {
          r = .failure(e)
        } catch {
          r = .failure(FeError(.internalError, "downloading \(manifests[i].id): \(error)"))
        }
        lock.withLock { results[i] = r }
      }
    }
    if count <= 1 {
      work()
    } else {
      for _ in 0..<count {
        let box = Unmanaged.passRetained(ThreadBody(work))
        var t = pthread_t()
        let started = pthread_create(
          &t, nil,
          { arg in
            guard let arg else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(arg).takeRetainedValue().run()
            return nil
          }, box.toOpaque())
        if started == 0 {
          threads.append(t)
        } else {
          box.release()
        }
      }
      if threads.isEmpty { work() }
      for t in threads { pthread_join(t, nil) }
    }
    return results.map { $0 ?? .failure(FeError(.internalError, "a download was never attempted")) }
  }

  /// One tarball: from the cache, or downloaded, verified and admitted.
  func one(_ m: Ref, http: HTTPClient) throws -> String {
    guard let integrity = m.integrity else {
      throw FeError(
        .integrity, "\(m.id) has neither dist.integrity nor dist.shasum, so its tarball cannot be checked",
        hint: "nothing was installed; fe installs only what it can verify")
    }
    if let hit = cache.lookup(integrity) { return hit }
    let scratch = try cache.scratch()
    defer { unlink(scratch) }
    guard try http.download(m.url, to: scratch, limit: Self.maxTarballSize) else {
      throw FeError(
        .registry, "the tarball of \(m.id) is missing on the registry (404): \(m.url)",
        hint: "the registry lists a version it does not serve; tell its maintainers, or pick another version")
    }
    guard try integrity.matches(file: scratch) else {
      let actual = try Integrity.digest(of: scratch, integrity.algorithm)
      throw FeError(
        .integrity,
        "the tarball of \(m.id) does not match \(m.integritySource): expected \(integrity), got \(Integrity(algorithm: integrity.algorithm, digest: actual))",
        hint:
          "nothing was installed; the registry or something between it and you changed the file — retry, and tell the registry's maintainers if it persists"
      )
    }
    return try cache.admit(scratch, integrity)
  }
}

/// A closure a pthread runs.
private final class ThreadBody {
  let run: () -> Void
  init(_ run: @escaping () -> Void) { self.run = run }
}
