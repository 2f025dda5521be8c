import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for the tty module (JS/tty.js): whether a descriptor is a terminal, its size, and raw
/// mode for interactive readers. The terminal's original mode is restored when the process
/// exits, as libuv does for Node.
enum TtyOps {
  static let all: [Op] = [
    Op("op_tty_isatty") { _, call in
      let fd = call.number(0)
      call.returns(fd.isFinite && fd >= 0 && fd <= Double(Int32.max) && isatty(Int32(fd)) == 1)
    },
    // (fd) → [columns, rows]
    Op("op_tty_size") { _, call in
      var ws = winsize()
      let fd = Int32(truncatingIfNeeded: call.int(0))
      if ioctl(fd, UInt(TIOCGWINSZ), &ws) != 0 { return call.fail(errno, syscall: "uv_tty_getwinsize") }
      call.returns(.array([.number(Double(ws.ws_col)), .number(Double(ws.ws_row))]))
    },
    // (fd, raw) → switches the terminal between raw and its original (cooked) mode
    Op("op_tty_set_raw") { _, call in
      let fd = Int32(truncatingIfNeeded: call.int(0))
      if let err = RawMode.set(fd, raw: call.bool(1)) { call.fail(err, syscall: "uv_tty_set_mode") }
    },
  ]
}

/// The terminal modes fe changed, so they can be put back at exit.
enum RawMode {
  private static let lock = Mutex()
  private static var saved: [Int32: termios] = [:]
  private static var registered = false

  /// Returns an errno on failure.
  static func set(_ fd: Int32, raw: Bool) -> Int32? {
    lock.withLock {
      if raw {
        var t = termios()
        if tcgetattr(fd, &t) != 0 { return errno }
        if saved[fd] == nil { saved[fd] = t }
        // libuv's UV_TTY_MODE_RAW: no echo, no line editing, no signals from keys, 8-bit bytes.
        t.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        t.c_oflag |= tcflag_t(ONLCR)
        t.c_cflag |= tcflag_t(CS8)
        t.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
          cc[Int(VMIN)] = 1
          cc[Int(VTIME)] = 0
        }
        if tcsetattr(fd, TCSADRAIN, &t) != 0 { return errno }
        if !registered {
          registered = true
          atexit { RawMode.restoreAll() }
        }
        return nil
      }
      guard var t = saved[fd] else { return nil }
      if tcsetattr(fd, TCSADRAIN, &t) != 0 { return errno }
      saved[fd] = nil
      return nil
    }
  }

  static func restoreAll() {
    lock.withLock {
      for (fd, var t) in saved { _ = tcsetattr(fd, TCSADRAIN, &t) }
      saved = [:]
    }
  }
}
