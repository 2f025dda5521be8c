// util.format and util.inspect against Node 20's output for the same inputs.
import FeEngine
import FeRuntime
import Testing

@Suite struct UtilFormatTests {
  static let formatCases: [(String, String)] = [
    ("util.format('%s=%d', 'a', 1)", "a=1"),
    ("util.format('%s', 'x', 'extra')", "x extra"),
    ("util.format('%j', {a:1})", #"{"a":1}"#),
    ("util.format('%% %s', 'a')", "% a"),
    ("util.format(1, 2)", "1 2"),
    ("util.format('%i', 42.9)", "42"),
    ("util.format('%d', '0x10')", "16"),
    ("util.format('%s', {a:{b:1}})", "{ a: [Object] }"),
    ("util.format('%s', null)", "null"),
    ("util.format('a', {b:1})", "a { b: 1 }"),
    ("util.format('%s and %s', 'one')", "one and %s"),
  ]

  static let inspectCases: [(String, String)] = [
    ("util.inspect({a:1,b:'x'})", "{ a: 1, b: 'x' }"),
    ("util.inspect([1,2,3])", "[ 1, 2, 3 ]"),
    ("util.inspect(new Map([[1,2]]))", "Map(1) { 1 => 2 }"),
    ("util.inspect(new Set(['a']))", "Set(1) { 'a' }"),
    ("util.inspect({a:{b:{c:{d:1}}}})", "{ a: { b: { c: [Object] } } }"),
    ("(() => { const o = {}; o.self = o; return util.inspect(o) })()", "<ref *1> { self: [Circular *1] }"),
    ("util.inspect('str')", "'str'"),
    ("util.inspect(\"it's\")", "\"it's\""),
    ("util.inspect(-0)", "-0"),
    ("util.inspect([])", "[]"),
    ("util.inspect({})", "{}"),
    ("util.inspect(null)", "null"),
    ("util.inspect(undefined)", "undefined"),
    ("util.inspect(function foo(){})", "[Function: foo]"),
    ("util.inspect(class A {})", "[class A]"),
    ("util.inspect(Symbol('s'))", "Symbol(s)"),
    ("util.inspect(10n)", "10n"),
    ("util.inspect({ 'a-b': 1 })", "{ 'a-b': 1 }"),
    ("util.inspect([1, , 3])", "[ 1, <1 empty item>, 3 ]"),
    ("util.inspect(new Map())", "Map(0) {}"),
    ("util.inspect(Object.create(null))", "[Object: null prototype] {}"),
    ("util.inspect(new (class Foo {})())", "Foo {}"),
    ("util.inspect([[[[1]]]])", "[ [ [ [Array] ] ] ]"),
    ("util.inspect(new Date(0))", "1970-01-01T00:00:00.000Z"),
    ("util.inspect(/a/g)", "/a/g"),
    ("util.inspect(new Uint8Array([1,2]))", "Uint8Array(2) [ 1, 2 ]"),
    ("util.inspect('a\\nb')", "'a\\nb'"),
    ("util.inspect([1,2,3,4,5,6,7])", "[\n  1, 2, 3, 4,\n  5, 6, 7\n]"),
    ("util.inspect({a:[1,2]}, {depth:0})", "{ a: [Array] }"),
    ("util.inspect({a:{b:{c:{d:{}}}}}, {depth:null})", "{\n  a: { b: { c: { d: {} } } }\n}"),
    ("util.inspect(Promise.resolve(4))", "Promise { 4 }"),
    ("util.inspect([undefined, null])", "[ undefined, null ]"),
    ("util.inspect({f(){}})", "{ f: [Function: f] }"),
    ("util.inspect(async () => {})", "[AsyncFunction (anonymous)]"),
    ("util.inspect(new Set())", "Set(0) {}"),
    ("util.inspect({ [Symbol('k')]: 1 })", "{ [Symbol(k)]: 1 }"),
    ("util.inspect(Object.assign([1], {x: 2}))", "[ 1, x: 2 ]"),
  ]

  private func evaluate(_ expression: String) throws -> JSValue {
    let rt = try bootRuntime()
    try rt.expose(["util"])
    return try rt.runScript(expression, name: "util-test.js")
  }

  @Test(arguments: formatCases)
  func formatMatchesNode(_ expression: String, _ expected: String) throws {
    let actual = try evaluate(expression)
    #expect(actual == .string(expected))
  }

  @Test(arguments: inspectCases)
  func inspectMatchesNode(_ expression: String, _ expected: String) throws {
    let actual = try evaluate(expression)
    #expect(actual == .string(expected))
  }
}
