// The `path` builtin against Node's documented POSIX results (computed with Node 20).
import FeEngine
import FeRuntime
import Testing

@Suite struct PathModuleTests {
  static let cases: [(String, String)] = [
    ("path.join('/foo', 'bar', 'baz/asdf', 'quux', '..')", "/foo/bar/baz/asdf"),
    ("path.join('')", "."),
    ("path.join()", "."),
    ("path.join('a', '', 'b')", "a/b"),
    ("path.join('/a/', '/b/')", "/a/b/"),
    ("path.join('a', '../..', 'b')", "../b"),
    ("path.join('a/./b', '.')", "a/b"),
    ("path.join('/', '..', 'x')", "/x"),
    ("path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb')", "../../impl/bbb"),
    ("path.relative('/a', '/a')", ""),
    ("path.relative('/a/b', '/a/b/c/d')", "c/d"),
    ("path.relative('/a/b/c', '/a')", "../.."),
    ("path.relative('/', '/x')", "x"),
    ("path.relative('/foo/bar', '/foo/barbaz')", "../barbaz"),
    ("path.relative('/x/y', '/')", "../.."),
    ("path.dirname('/foo/bar/baz/asdf/quux')", "/foo/bar/baz/asdf"),
    ("path.dirname('/a')", "/"),
    ("path.dirname('a')", "."),
    ("path.dirname('/')", "/"),
    ("path.dirname('a/b/')", "a"),
    ("path.dirname('')", "."),
    ("path.dirname('//a')", "//"),
    ("path.dirname('/a//b')", "/a/"),
    ("path.basename('/foo/bar/baz/asdf/quux.html', '.html')", "quux"),
    ("path.basename('/a/b/')", "b"),
    ("path.extname('index.coffee.md')", ".md"),
    ("path.extname('.index')", ""),
    ("path.extname('index.')", "."),
    ("path.normalize('/foo/bar//baz/asdf/quux/..')", "/foo/bar/baz/asdf"),
    ("path.normalize('./a/../../b/')", "../b/"),
    ("path.resolve('/foo/bar', './baz')", "/foo/bar/baz"),
    ("path.resolve('/foo/bar', '/tmp/file/')", "/tmp/file"),
    (
      "JSON.stringify(path.parse('/home/user/dir/file.txt'))",
      #"{"root":"/","dir":"/home/user/dir","base":"file.txt","ext":".txt","name":"file"}"#
    ),
    ("path.isAbsolute('/a') + ',' + path.isAbsolute('a')", "true,false"),
    ("path.sep + path.delimiter", "/:"),
  ]

  @Test(arguments: cases)
  func matchesNode(_ expression: String, _ expected: String) throws {
    let rt = try bootRuntime()
    try rt.expose(["path"])
    #expect(try rt.runScript(expression, name: "path-test.js") == .string(expected))
  }

  @Test func nonStringArgumentThrowsNodesTypeError() throws {
    let rt = try bootRuntime()
    try rt.expose(["path"])
    let v = try rt.runScript("try { path.join('a', 1); 'no error' } catch (e) { e.code + ': ' + e.name }", name: "t.js")
    #expect(v == .string("ERR_INVALID_ARG_TYPE: TypeError"))
  }

  @Test func relativeFromCwd() throws {
    let rt = try bootRuntime()
    try rt.expose(["path"])
    #expect(try rt.runScript("path.resolve('x') === path.join(process.cwd(), 'x')", name: "t.js") == .bool(true))
  }
}
