import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Passing a descriptor over a Unix stream socket (SCM_RIGHTS): how Node sends a server, a
/// socket or a UDP socket to another process over its IPC channel (libuv's uv_write2, and the
/// pending handle a read brings). The kernel hands the receiver its own copy of the fd.
enum FdPassing {
  /// cmsghdr's size, already aligned: the data follows it (CMSG_DATA).
  private static let header = MemoryLayout<cmsghdr>.size
  private static func align(_ n: Int) -> Int { (n + MemoryLayout<Int>.size - 1) & ~(MemoryLayout<Int>.size - 1) }
  /// CMSG_SPACE for `count` fds.
  private static func space(_ count: Int) -> Int { header + align(count * MemoryLayout<Int32>.size) }
  /// Received fds are close-on-exec at once (MSG_CMSG_CLOEXEC, not exported to Swift).
  private static let cmsgCloexec: Int32 = 0x4000_0000
  private static let maxFds = 8

  /// sendmsg of `bytes` with `fd` attached: bytes sent, or -1 with errno set.
  static func send(_ sock: Int32, _ bytes: UnsafeRawBufferPointer, fd: Int32, flags: Int32) -> Int {
    let length = space(1)
    let control = UnsafeMutableRawPointer.allocate(byteCount: length, alignment: MemoryLayout<Int>.alignment)
    defer { control.deallocate() }
    memset(control, 0, length)
    let cmsg = control.assumingMemoryBound(to: cmsghdr.self)
    cmsg.pointee.cmsg_len = header + MemoryLayout<Int32>.size
    cmsg.pointee.cmsg_level = SOL_SOCKET
    cmsg.pointee.cmsg_type = Int32(SCM_RIGHTS)
    (control + header).storeBytes(of: fd, as: Int32.self)
    var iov = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)
    return withUnsafeMutablePointer(to: &iov) { iovp in
      var msg = msghdr()
      msg.msg_iov = iovp
      msg.msg_iovlen = 1
      msg.msg_control = control
      msg.msg_controllen = length
      return sendmsg(sock, &msg, flags | Int32(MSG_NOSIGNAL))
    }
  }

  /// The same, blocking until every byte is out (the fd goes with the first part): 0 or an errno.
  static func sendFully(_ sock: Int32, _ bytes: UnsafeRawBufferPointer, fd: Int32) -> Int32 {
    while true {
      let n = send(sock, bytes, fd: fd, flags: 0)
      if n >= 0 {
        if n == bytes.count { return 0 }
        return FsOps.writeFully(sock, UnsafeRawBufferPointer(rebasing: bytes[n...]))
      }
      if errno == EINTR { continue }
      if errno == EAGAIN {
        var p = pollfd(fd: sock, events: Int16(POLLOUT), revents: 0)
        poll(&p, 1, -1)
        continue
      }
      return errno
    }
  }

  /// recvmsg into `buffer`: the bytes read (0 at the end, -1 with errno) and the fds that came
  /// with them.
  static func receive(_ sock: Int32, into buffer: UnsafeMutableRawBufferPointer) -> (Int, [Int32]) {
    let length = space(maxFds)
    let control = UnsafeMutableRawPointer.allocate(byteCount: length, alignment: MemoryLayout<Int>.alignment)
    defer { control.deallocate() }
    memset(control, 0, length)
    var iov = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
    var msg = msghdr()
    let n = withUnsafeMutablePointer(to: &iov) { iovp -> Int in
      msg.msg_iov = iovp
      msg.msg_iovlen = 1
      msg.msg_control = control
      msg.msg_controllen = length
      return recvmsg(sock, &msg, cmsgCloexec)
    }
    guard n >= 0 else { return (n, []) }
    var fds: [Int32] = []
    var offset = 0
    // Walks the control messages (CMSG_FIRSTHDR / CMSG_NXTHDR).
    while offset + header <= msg.msg_controllen {
      let cmsg = (control + offset).assumingMemoryBound(to: cmsghdr.self).pointee
      if cmsg.cmsg_len < header { break }
      if cmsg.cmsg_level == SOL_SOCKET && cmsg.cmsg_type == Int32(SCM_RIGHTS) {
        let count = (cmsg.cmsg_len - header) / MemoryLayout<Int32>.size
        for i in 0..<count {
          fds.append((control + offset + header + i * MemoryLayout<Int32>.size).load(as: Int32.self))
        }
      }
      offset += align(cmsg.cmsg_len)
    }
    return (n, fds)
  }
}
