import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// One thread that waits, with poll(2), until the sockets of every runtime can be read or
/// written, and tells the loop that owns each. Only readiness crosses threads: the loop thread
/// does every accept, read, write and close itself (libuv's model), so a socket's state has one
/// owner and needs no lock. Interest is one-shot per direction: a ready direction is dropped when
/// reported and the loop re-arms it after handling, so a socket whose reader is paused is not
/// polled at all (that is how a paused `net.Socket` stops reading from the kernel).
///
/// poll rather than epoll: Swift's Glibc module does not show epoll (it is behind _GNU_SOURCE),
/// and the number of sockets a tool holds at once is small enough for poll's linear scan.
final class SocketPoller: @unchecked Sendable {
  static let shared = SocketPoller()

  private struct Interest {
    var events: Int16
    var token: UInt64
    var notify: (Int16) -> Void
  }

  private let lock = Mutex()
  private var interests: [Int32: Interest] = [:]
  private var nextToken: UInt64 = 1
  /// A pipe the loop threads write to so that a poll in progress sees new interest.
  private var wakeRead: Int32 = -1
  private var wakeWrite: Int32 = -1
  private var started = false

  /// Asks for one `notify(revents)` when `fd` is ready for `events` (POLLIN and/or POLLOUT),
  /// adding to what is already asked for it. `notify` runs on the poller thread: it must only post.
  func watch(_ fd: Int32, events: Int16, notify: @escaping (Int16) -> Void) {
    lock.withLock {
      startIfNeeded()
      if var old = interests[fd] {
        old.events |= events
        old.notify = notify
        interests[fd] = old
      } else {
        nextToken += 1
        interests[fd] = Interest(events: events, token: nextToken, notify: notify)
      }
    }
    wake()
  }

  /// Drops interest in `events` for `fd` (all of it by default), before the fd closes.
  func unwatch(_ fd: Int32, events: Int16 = -1) {
    let changed: Bool = lock.withLock {
      guard var old = interests[fd] else { return false }
      old.events &= ~events
      if old.events == 0 { interests[fd] = nil } else { interests[fd] = old }
      return true
    }
    if changed { wake() }
  }

  private func wake() {
    var byte: UInt8 = 1
    _ = write(wakeWrite, &byte, 1)
  }

  /// Called with the lock held.
  private func startIfNeeded() {
    guard !started else { return }
    started = true
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    for fd in fds {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    wakeRead = fds[0]
    wakeWrite = fds[1]
    WorkerPool.detach { [self] in run() }
  }

  private func run() {
    var set: [pollfd] = []
    var tokens: [UInt64] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      set.removeAll(keepingCapacity: true)
      tokens.removeAll(keepingCapacity: true)
      set.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
      tokens.append(0)
      lock.withLock {
        for (fd, interest) in interests {
          set.append(pollfd(fd: fd, events: interest.events, revents: 0))
          tokens.append(interest.token)
        }
      }
      let n = poll(&set, nfds_t(set.count), -1)
      if n < 0 { continue }  // EINTR
      if set[0].revents != 0 { while read(wakeRead, &buffer, buffer.count) > 0 {} }
      var fired: [((Int16) -> Void, Int16)] = []
      lock.withLock {
        for i in 1..<set.count where set[i].revents != 0 {
          let fd = set[i].fd
          // The fd may have been unwatched (and even reused) since the snapshot: report only
          // to the interest this poll was for.
          guard var interest = interests[fd], interest.token == tokens[i] else { continue }
          let r = set[i].revents
          var ready: Int16 = 0
          let failed = r & Int16(POLLERR | POLLHUP | POLLNVAL) != 0
          if interest.events & Int16(POLLIN) != 0 && (r & Int16(POLLIN) != 0 || failed) { ready |= Int16(POLLIN) }
          if interest.events & Int16(POLLOUT) != 0 && (r & Int16(POLLOUT) != 0 || failed) { ready |= Int16(POLLOUT) }
          guard ready != 0 else { continue }
          interest.events &= ~ready
          if r & Int16(POLLNVAL) != 0 || interest.events == 0 { interests[fd] = nil } else { interests[fd] = interest }
          fired.append((interest.notify, ready | (r & Int16(POLLERR | POLLHUP))))
        }
      }
      for (notify, events) in fired { notify(events) }
    }
  }
}
