import FeBasics
import Testing

@testable import FeStore

@Suite struct StoreLayoutTests {
  @Test func pathsAreDeclaredUnderHome() {
    let layout = StoreLayout(home: "/h")
    #expect(layout.layoutMarker == "/h/layout")
    #expect(layout.blobsDir == "/h/blobs")
    #expect(layout.tmpDir == "/h/tmp")
    #expect(layout.cacheDir == "/h/cache")
    #expect(layout.lockPath == "/h/lock")
    #expect(layout.toolDir("tsc") == "/h/blobs/tsc")
    #expect(layout.blobDir("tsc", "5.4.5") == "/h/blobs/tsc/5.4.5")
    #expect(layout.sourcePath("tsc", "5.4.5") == "/h/blobs/tsc/5.4.5/source.js")
    #expect(layout.snapshotPath("tsc", "5.4.5") == "/h/blobs/tsc/5.4.5/snapshot.bin")
    #expect(layout.manifestPath("tsc", "5.4.5") == "/h/blobs/tsc/5.4.5/manifest.json")
  }

  @Test func homeComesFromFeHome() {
    #expect(StoreLayout(env: ["FE_HOME": "/x/y", "HOME": "/u"]).home == "/x/y")
    #expect(StoreLayout(env: ["HOME": "/u"]).home == "/u/.fe")
  }

  @Test func ensureCreatesDirectoriesAndMarker() throws {
    try withTempHome { layout throws in
      let home = Path.join(layout.home, "nested", "fe")
      let nested = StoreLayout(home: home)
      #expect(try nested.checkVersion() == nil)
      try nested.ensure()
      for dir in [nested.blobsDir, nested.tmpDir, nested.cacheDir] { #expect(FileSystem.isDirectory(dir)) }
      #expect(try FileSystem.readString(nested.layoutMarker) == "1\n")
      #expect(try nested.checkVersion() == 1)
      try nested.ensure()  // idempotent
      #expect(try FileSystem.readString(nested.layoutMarker) == "1\n")
    }
  }

  @Test func ensureRefusesANewerLayout() throws {
    try withTempHome { layout throws in
      try FileSystem.createDirectory(layout.home)
      try writeFile(layout.layoutMarker, Array("2\n".utf8))
      let error = feError { try layout.ensure() }
      #expect(error?.kind == .io)
      #expect(error?.message.contains("layout version 2") == true)
      #expect(error?.hint?.contains("upgrade fe") == true)
      #expect(!FileSystem.exists(layout.blobsDir), "nothing is created in a store this fe does not understand")
    }
  }

  @Test func ensureRefusesAGarbledMarker() throws {
    try withTempHome { layout throws in
      try FileSystem.createDirectory(layout.home)
      try writeFile(layout.layoutMarker, Array("banana".utf8))
      let error = feError { try layout.ensure() }
      #expect(error?.kind == .io)
      #expect(error?.message.contains(layout.layoutMarker) == true)
    }
  }

  @Test func markerToleratesWhitespace() throws {
    try withTempHome { layout throws in
      try FileSystem.createDirectory(layout.home)
      try writeFile(layout.layoutMarker, Array(" 1\r\n".utf8))
      #expect(try layout.checkVersion() == 1)
    }
  }
}
