// JSONString.quote (FeBasics), which fe.lock and JSValue's JSON both write with.
import FeBasics
import Foundation
import Testing

@Suite struct JSONStringTests {
  @Test(arguments: [
    ("plain", #""plain""#),
    ("say \"hi\"", #""say \"hi\"""#),
    (#"C:\dir"#, #""C:\\dir""#),
    ("a\nb\rc\td", #""a\nb\rc\td""#),
    ("\u{1}\u{1f}", #""\u0001\u001f""#),
    ("é → 😀", "\"é → 😀\""),
    ("", #""""#),
  ])
  func quotesWhatJSONRequires(input: String, expected: String) {
    #expect(JSONString.quote(input) == expected)
    var out = "["
    JSONString.quote(input, into: &out)
    #expect(out == "[" + expected)
  }

  @Test func aJSONParserReadsBackEveryControlCharacter() throws {
    let s = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init))) + "\\\"é"
    let back = try JSONDecoder().decode(String.self, from: Data(JSONString.quote(s).utf8))
    #expect(back == s)
  }
}
