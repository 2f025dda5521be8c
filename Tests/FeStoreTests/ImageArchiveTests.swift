import FeBasics
import Testing

@testable import FeStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ImageArchiveTests {
  @Test func anImageComesBackWithTheSameDigest() throws {
    let dir = TempDir("image-archive")
    try dir.write("image/node_modules/a/package.json", "{\"name\":\"a\"}\n")
    try dir.write("image/node_modules/a/bin/cli.js", "#!/usr/bin/env node\n")
    chmod(dir.file("image/node_modules/a/bin/cli.js"), 0o755)
    try dir.mkdir("image/node_modules/a/empty")
    try dir.write("image/install.json", "{}\n")
    let bytes = try ImageArchive.encode(dir.file("image"))
    try ImageArchive.decode(bytes, into: dir.file("copy"), label: "test")
    #expect(try ImageDigest.compute(dir.file("copy")) == ImageDigest.compute(dir.file("image")))
    var st = stat()
    #expect(lstat(dir.file("copy/node_modules/a/bin/cli.js"), &st) == 0 && st.st_mode & 0o777 == 0o755)
  }

  @Test func entriesThatLeaveTheImageOrDoNotParseAreRefused() throws {
    let dir = TempDir("image-archive-bad")
    let cases: [(String, String)] = [
      ("f - 1 ../x\nA", "an entry leaves the image: ../x"),
      ("d a\nf - 1 a/../../x\nA", "an entry leaves the image: a/../../x"),
      ("f - 1 /etc/x\nA", "an entry leaves the image: /etc/x"),
      ("f - 9 x\nA", "an entry line is invalid"),
      ("l x y\n", "an entry line is invalid"),
      ("f - 1 x\nAf - 1 x\nB", "cannot write x"),
      ("f - 1 x", "an entry line is cut off"),
    ]
    for (i, (text, why)) in cases.enumerated() {
      let root = dir.file("out\(i)")
      #expect(throws: FeError.self) { try ImageArchive.decode(Array(text.utf8), into: root, label: "test") }
      do {
        try ImageArchive.decode(Array(text.utf8), into: dir.file("again\(i)"), label: "test")
      } catch let e as FeError {
        #expect(e.kind == .integrity && e.message.contains(why), "\(text): \(e.message)")
      }
      #expect(!FileSystem.isFile(dir.file("x")) && !FileSystem.isFile("/etc/x"))
    }
  }

  @Test func theEntryInsideTheImageIsFoundInTheOrigin() {
    #expect(
      ImageArchive.entryInImage(
        origin: "/h/.fe/blobs/terser/5.16.5/image/node_modules/terser/bin/terser", tool: "terser", version: "5.16.5")
        == "node_modules/terser/bin/terser")
    #expect(ImageArchive.entryInImage(origin: "/h/.fe/blobs/terser/5.16.4/image/x.js", tool: "terser", version: "5.16.5") == nil)
    #expect(ImageArchive.entryInImage(origin: nil, tool: "terser", version: "5.16.5") == nil)
  }
}
