// Scope.make(JSValue) → Scope.toSwift round trips, and how toSwift reads values JSON cannot hold.
import FeEngine
import Testing

@Suite struct ValueConversionTests {
  static let roundTrips: [JSValue] = [
    .undefined,
    .null,
    .bool(true),
    .bool(false),
    .number(0),
    .number(42),
    .number(-1.5),
    .number(1e300),
    .number(-1e-300),
    .number(Double.greatestFiniteMagnitude),
    .number(.infinity),
    .number(-.infinity),
    .number(.nan),
    .number(9_007_199_254_740_994),  // 2^53 + 2: beyond the safe integers, still exact
    .string(""),
    .string("plain ascii"),
    .string("héllo wörld — ünïcödé"),
    .string("日本語テキスト"),
    .string("emoji 😀👨‍👩‍👧 flags 🇫🇷"),
    .string("nul\u{0}inside\u{0}"),
    .string("controls \n\t\r\u{1}"),
    .array([]),
    .array([.number(1), .string("two"), .null, .bool(false)]),
    .array([.array([.array([.number(1)])]), .object([])]),
    .object([]),
    .object([("a", .number(1)), ("b", .string("x"))]),
    .object([("nested", .object([("deeper", .object([("list", .array([.number(1), .object([("k", .null)])]))]))]))]),
    .object([("keep", .number(1)), ("missing", .undefined), ("z", .null)]),
    .object([("zeta", .number(1)), ("alpha", .number(2)), ("mid", .number(3))]),  // insertion order kept
    .object([("unicode key ✓", .string("v")), ("", .string("empty key"))]),
    .array([.undefined, .number(2)]),
    .bytes([]),
    .bytes([0, 1, 2, 127, 128, 255]),
    .object([("blob", .bytes([9, 8, 7])), ("list", .array([.bytes([1])]))]),
  ]

  @Test(arguments: roundTrips)
  func roundTrip(_ value: JSValue) throws {
    let back = try withIsolate { s in s.toSwift(s.make(value)) }
    #expect(back == value)
  }

  @Test func largeBytesRoundTrip() throws {
    let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let back = try withIsolate { s in s.toSwift(s.make(.bytes(big))) }
    #expect(back == .bytes(big))
  }

  @Test func negativeZeroKeepsItsSign() throws {
    let back = try withIsolate { s in s.toSwift(s.make(.number(-0.0))) }
    guard case .number(let d) = back else {
      Issue.record("expected a number, got \(back)")
      return
    }
    #expect(d == 0 && d.sign == .minus)
  }

  @Test func stringsSurviveJSStringOperations() throws {
    // The string really is a JS string of the right length (UTF-16 code units), not bytes.
    let value = try withIsolate { s in
      let fn = try s.compileFunction("return [v.length, v.codePointAt(0), v + '!']", name: "len.js", params: ["v"])
      return s.toSwift(try s.call(fn, [s.make(.string("😀a\u{0}"))]))
    }
    #expect(value == .array([.number(4), .number(0x1F600), .string("😀a\u{0}!")]))
  }

  @Test func integerLikeKeysEnumerateFirstAsJavaScriptOrdersThem() throws {
    let value = try withIsolate { s in s.toSwift(s.make(.object([("b", .number(1)), ("2", .number(2)), ("1", .number(3))]))) }
    #expect(value == .object([("1", .number(3)), ("2", .number(2)), ("b", .number(1))]))
  }

  static let jsOnly: [(String, JSValue)] = [
    ("(function f() {})", .undefined),
    ("(() => 1)", .undefined),
    ("Symbol('s')", .undefined),
    ("({ f() {}, s: Symbol('x'), n: 1 })", .object([("f", .undefined), ("s", .undefined), ("n", .number(1))])),
    ("[function () {}, Symbol.iterator]", .array([.undefined, .undefined])),
    ("12345678901234567890n", .string("12345678901234567890")),
    ("new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 3)", .bytes([2, 3])),
    ("new Uint8Array([7, 8]).buffer", .bytes([7, 8])),
    ("new DataView(new Uint8Array([4, 5, 6]).buffer, 1)", .bytes([5, 6])),
    ("new Uint16Array([0x0201])", .bytes([1, 2])),
    ("({ [Symbol('hidden')]: 1, shown: 2 })", .object([("shown", .number(2))])),
    ("Object.defineProperty({ a: 1 }, 'b', { value: 2, enumerable: false })", .object([("a", .number(1))])),
    ("[1, , 3]", .array([.number(1), .undefined, .number(3)])),
    ("'\\ud800'", .string("\u{FFFD}")),  // a lone surrogate has no UTF-8 form
  ]

  @Test(arguments: jsOnly)
  func readsJSValues(_ source: String, _ expected: JSValue) throws {
    let value = try withIsolate { s in s.toSwift(try s.run(source, name: "value.js")) }
    #expect(value == expected)
  }

  @Test func throwingGetterReadsAsUndefinedAndLeavesTheIsolateUsable() throws {
    try withIsolate { s in
      let v = s.toSwift(try s.run("({ a: 1, get b() { throw new Error('no') }, c: 3 })", name: "getter.js"))
      #expect(v == .object([("a", .number(1)), ("b", .undefined), ("c", .number(3))]))
      #expect(s.toSwift(try s.run("1 + 1", name: "after.js")) == .number(2))
    }
  }

  @Test func cyclicObjectIsCutWhereItRepeats() throws {
    let value = try withIsolate { s in s.toSwift(try s.run("const o = { name: 'o' }; o.self = o; o", name: "cycle.js")) }
    // Walk down `self` links: the link back to `o` is cut at once, as an empty object.
    var levels = 0
    var current = value
    while case .object = current, let next = current["self"] {
      #expect(current["name"] == .string("o"))
      levels += 1
      current = next
    }
    #expect(levels == 1)
    #expect(current == .object([]))
  }

  @Test func cyclicArrayAndCustomDepth() throws {
    try withIsolate { s in
      let a = try s.run("const a = [1]; a.push(a); a", name: "cycle.js")
      // The reference back to `a` is cut where it repeats on the path.
      #expect(s.toSwift(a, depth: 2) == .array([.number(1), .array([])]))
      #expect(s.toSwift(a, depth: 0) == .array([]))
    }
  }

  @Test
  func objectWithManySelfReferencesDoesNotHang() throws {
    let value = try withIsolate { s in
      s.toSwift(try s.run("const o = {}; o.a = o; o.b = o; o.c = o; o", name: "wide-cycle.js"))
    }
    #expect(value.isObject)
  }

  @Test func persistentOutlivesItsScope() throws {
    let isolate = Isolate()
    let held = try isolate.scope { s in Persistent(try s.run("({ kept: [1, 2] })", name: "p.js"), in: s) }
    let value = try isolate.scope { s in s.toSwift(held.get(s)) }
    #expect(value == .object([("kept", .array([.number(1), .number(2)]))]))
  }

  @Test func jsonParseAndStringify() throws {
    try withIsolate { s in
      let v = try s.jsonParse(#"{"a":[1,"two",null],"b":{"c":true}}"#)
      #expect(s.toSwift(v) == .object([("a", .array([.number(1), .string("two"), .null])), ("b", .object([("c", .bool(true))]))]))
      #expect(s.jsonStringify(v) == #"{"a":[1,"two",null],"b":{"c":true}}"#)
    }
  }

  @Test func invalidJSONThrowsAndLeavesTheIsolateUsable() throws {
    try withIsolate { (s: Scope) throws in
      #expect(throws: JSError.self) { try s.jsonParse("{nope") }
      #expect(s.toSwift(try s.run("'still' + ' fine'", name: "after.js")) == .string("still fine"))
    }
  }

  @Test func jsonTextOfJSValue() {
    let v: JSValue = .object([("a", .array([.number(1), .number(1.5), .undefined])), ("skip", .undefined), ("s", .string("q\"\n"))])
    #expect(v.json == #"{"a":[1,1.5,null],"s":"q\"\n"}"#)
  }
}
