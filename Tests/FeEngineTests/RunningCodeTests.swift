// Scope.run, compileFunction, call, callCore and construct on a bare isolate.
import FeEngine
import Testing

@Suite struct RunningCodeTests {
  @Test(arguments: [
    ("1 + 2", JSValue.number(3)),
    ("'a' + 'b'", .string("ab")),
    ("[1, 2].map(x => x * 2)", .array([.number(2), .number(4)])),
    ("({ ok: true })", .object([("ok", .bool(true))])),
    ("var declared = 5; declared", .number(5)),
    ("undefined", .undefined),
    ("null", .null),
  ])
  func runReturnsTheCompletionValue(_ source: String, _ expected: JSValue) throws {
    #expect(try withIsolate { s in s.toSwift(try s.run(source, name: "run.js")) } == expected)
  }

  @Test func globalsPersistAcrossRunsAndScopes() throws {
    let isolate = Isolate()
    _ = try isolate.scope { s in try s.run("globalThis.counter = 1", name: "a.js") }
    _ = try isolate.scope { s in try s.run("counter += 41", name: "b.js") }
    #expect(try isolate.scope { s in s.toSwift(s.get(s.global, "counter")!) } == .number(42))
  }

  @Test func compiledFunctionTakesItsParameters() throws {
    try withIsolate { s in
      let add = try s.compileFunction("return a + b * 10", name: "add.js", params: ["a", "b"])
      #expect(s.type(add) == .function)
      #expect(s.toSwift(try s.call(add, [s.number(2), s.number(3)])) == .number(32))
      #expect(s.toSwift(try s.call(add, [s.string("x"), s.number(1)])) == .string("x10"))
      // Missing arguments are undefined.
      #expect(s.toSwift(try s.call(add, [s.number(1)])) == .number(.nan))
    }
  }

  @Test func compiledFunctionWithoutParameters() throws {
    try withIsolate { s in
      let fn = try s.compileFunction("return typeof a", name: "none.js", params: [])
      #expect(s.toSwift(try s.call(fn)) == .string("undefined"))
    }
  }

  @Test func callPassesTheReceiver() throws {
    try withIsolate { s in
      let fn = try s.run("(function () { return this.x * 2 })", name: "this.js")
      let receiver = s.make(.object([("x", .number(21))]))
      #expect(s.toSwift(try s.call(fn, this: receiver)) == .number(42))
    }
  }

  @Test func callingANonFunctionThrowsATypeError() throws {
    let e = try withIsolate { s in
      jsError { _ = try s.call(s.make(.object([]))) }
    }
    #expect(e?.message.contains("TypeError") == true)
  }

  @Test func callCoreCallsTheBootstrappedCoreObject() throws {
    let isolate = Isolate()
    try isolate.bootstrap(
      source: "return { add(a, b) { return a + b }, self() { return this === globalThis ? 'global' : 'core' } }",
      name: "core.js", ops: [])
    try isolate.scope { (s: Scope) throws in
      #expect(s.toSwift(try s.callCore("add", [s.number(40), s.number(2)])) == .number(42))
      #expect(s.toSwift(try s.callCore("self")) == .string("core"))
      let e = jsError { try s.callCore("missing") }
      #expect(e?.message.contains("missing") == true)
    }
  }

  @Test func bootstrapThatThrowsReportsTheError() throws {
    let isolate = Isolate()
    let e = jsError { try isolate.bootstrap(source: "throw new Error('boot failed')", name: "core.js", ops: []) }
    #expect(e?.message == "Error: boot failed")
  }

  @Test func constructBuildsAnInstance() throws {
    try withIsolate { s in
      let point = try s.run("(class Point { constructor(x, y) { this.x = x; this.y = y } })", name: "point.js")
      let p = try s.construct(point, [s.number(1), s.number(2)])
      #expect(s.toSwift(p) == .object([("x", .number(1)), ("y", .number(2))]))
      let date = try s.construct(try s.run("Date", name: "d.js"), [s.number(0)])
      let iso = try s.call(s.get(date, "toISOString")!, this: date)
      #expect(s.string(iso) == "1970-01-01T00:00:00.000Z")
    }
  }

  @Test func constructingANonConstructorThrows() throws {
    let e = try withIsolate { s in
      jsError { _ = try s.construct(try s.run("(() => 1)", name: "arrow.js")) }
    }
    #expect(e?.message.contains("not a constructor") == true)
  }

  @Test func promisesThroughResolvers() throws {
    try withIsolate { s in
      let r = s.resolver()
      let p = s.promise(of: r)
      #expect(s.promiseState(p) == .pending)
      s.resolve(r, s.number(7))
      #expect(s.promiseState(p) == .fulfilled)
      #expect(s.toSwift(s.promiseResult(p)) == .number(7))

      let then = try s.run("globalThis.seen = []; (p) => p.then(v => seen.push(v))", name: "then.js")
      try s.call(then, [p])
      #expect(s.toSwift(s.get(s.global, "seen")!) == .array([]))  // microtasks run only when asked
      s.runMicrotasks()
      #expect(s.toSwift(s.get(s.global, "seen")!) == .array([.number(7)]))
    }
  }
}
