// JavaScript exceptions reaching Swift as JSError: message, stack, file/line/column, value.
import FeEngine
import Testing

@Suite struct JSErrorTests {
  @Test func syntaxErrorHasItsLocation() throws {
    let e = try withIsolate { s in jsError { _ = try s.run("let x = ;", name: "bad.js") } }
    #expect(e?.message.hasPrefix("SyntaxError:") == true)
    #expect(e?.file == "bad.js")
    #expect(e?.line == 1)
    #expect(e?.column == 9)  // 1-based column of the unexpected ';'
    #expect(e?.sourceLine == "let x = ;")
    #expect(e?.location == "bad.js:1:9")
  }

  @Test func syntaxErrorOnALaterLine() throws {
    let e = try withIsolate { s in jsError { _ = try s.run("const a = 1;\nconst b = 2;\nconst = 3;", name: "later.js") } }
    #expect(e?.file == "later.js")
    #expect(e?.line == 3)
    #expect((e?.column ?? 0) > 0)
  }

  @Test func runtimeErrorHasLineAndStack() throws {
    let source = "const a = 1;\nfunction f() {\n  throw new TypeError('x');\n}\nf();"
    let e = try withIsolate { s in jsError { _ = try s.run(source, name: "bad.js") } }
    #expect(e?.message == "TypeError: x")
    #expect(e?.file == "bad.js")
    #expect(e?.line == 3)
    #expect(e?.column == 3)
    #expect(e?.stack?.contains("bad.js:3") == true)
    #expect(e?.stack?.hasPrefix("TypeError: x") == true)
    #expect(e?.value["name"] == .string("TypeError"))
    #expect(e?.value["message"] == .string("x"))
    #expect(e?.description.contains("at f (bad.js:3:9)") == true)
  }

  @Test(arguments: [
    ("throw 42", "42"),
    ("throw 'plain string'", "plain string"),
    ("throw null", "null"),
    ("throw undefined", "undefined"),
    ("throw { toString() { return 'custom' } }", "custom"),
  ])
  func thrownNonErrorsGiveTheirStringForm(_ source: String, _ message: String) throws {
    let e = try withIsolate { s in jsError { _ = try s.run(source, name: "nonerror.js") } }
    #expect(e?.message == message)
    #expect(e?.file == "nonerror.js")
    #expect(e?.line == 1)
  }

  @Test func ownFieldsOfNodeStyleErrorsAreKept() throws {
    let source = "const e = new Error('boom'); e.code = 'E_BOOM'; e.path = '/x'; throw e"
    let e = try withIsolate { s in jsError { _ = try s.run(source, name: "fields.js") } }
    #expect(e?.message == "Error: boom")
    #expect(e?.value["code"] == .string("E_BOOM"))
    #expect(e?.value["path"] == .string("/x"))
    #expect(e?.value["message"] == .string("boom"))
  }

  @Test func errorThrownInsideACallHasItsLocation() throws {
    let e = try withIsolate { s in
      let fn = try s.run("(function () {\n\n  null.x;\n})", name: "call.js")
      return jsError { _ = try s.call(fn) }
    }
    #expect(e?.message.hasPrefix("TypeError") == true)
    #expect(e?.file == "call.js")
    #expect(e?.line == 3)
  }

  @Test func compileFunctionKeepsExactSourcePositions() throws {
    let e = try withIsolate { s in jsError { _ = try s.compileFunction("const a = 1;\nreturn );", name: "fn.js", params: ["x"]) } }
    #expect(e?.message.hasPrefix("SyntaxError") == true)
    #expect(e?.file == "fn.js")
    #expect(e?.line == 2)

    let thrown = try withIsolate { s in
      let fn = try s.compileFunction("\n\nthrow new Error('in body')", name: "body.js", params: [])
      return jsError { _ = try s.call(fn) }
    }
    #expect(thrown?.line == 3)
    #expect(thrown?.stack?.contains("body.js:3") == true)
  }

  @Test func isolateStaysUsableAfterAnException() throws {
    try withIsolate { (s: Scope) throws in
      _ = jsError { _ = try s.run("throw new Error('first')", name: "one.js") }
      #expect(s.toSwift(try s.run("6 * 7", name: "two.js")) == .number(42))
      let second = jsError { _ = try s.run("\nthrow new RangeError('second')", name: "three.js") }
      #expect(second?.message == "RangeError: second")
      #expect(second?.file == "three.js")
      #expect(second?.line == 2)
    }
  }

  @Test func descriptionFallsBackToLocationAndMessage() {
    let e = JSError(message: "SyntaxError: nope", file: "f.js", line: 2, column: 5)
    #expect(e.description == "f.js:2:5\nSyntaxError: nope")
    #expect(JSError(message: "just this").description == "just this")
    #expect(JSError(message: "m", file: "f.js", line: 4).location == "f.js:4")
  }
}
