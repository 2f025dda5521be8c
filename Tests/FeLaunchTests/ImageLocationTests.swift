// Where a package image's files are while its blob is built, and the paths the loader will
// know them by once installed (the keys of the snapshot's image modules).
import FeBasics
import FeRuntime
import FeTestSupport
import Testing

@testable import FeLaunch

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ImageLocationTests {
  @Test func pathsUnderASymlinkAreKeyedByTheRealDirectory() throws {
    let dir = TempDir("image-location")
    let real = try dir.mkdir("real")
    #expect(symlink(real, dir.file("link")) == 0)
    // The image's final directory does not exist yet: its existing ancestor is resolved.
    #expect(ImageLocation.resolvingSymlinks(dir.file("link/blobs/t/1.0.0/image")) == real + "/blobs/t/1.0.0/image")
    #expect(ImageLocation.resolvingSymlinks(real) == real)
  }

  @Test func aStagedImagesModulesAreNamedByTheirInstalledPaths() throws {
    let dir = TempDir("image-location")
    try dir.write("staged/node_modules/t/bin/t.js", "require('../lib/a');")
    try dir.write("staged/node_modules/t/lib/a.js", "module.exports = 1;")
    let location = ImageLocation(current: dir.file("staged"), installed: dir.file("store/blobs/t/1.0.0/image"))
    let image = "store/blobs/t/1.0.0/image/node_modules/t/"
    let found = try location.modules(requiredBy: dir.file(image + "bin/t.js"))
    #expect(found.modules.map(\.path) == [dir.file(image + "lib/a.js")])
    #expect(found.modules.map(\.source) == ["module.exports = 1;"])
    #expect(found.resolutions == [.init(parent: dir.file(image + "bin/t.js"), request: "../lib/a", file: dir.file(image + "lib/a.js"))])
    // An entry outside the image has no image modules.
    #expect(try location.modules(requiredBy: dir.file("elsewhere/t.js")).modules.isEmpty)
  }
}
