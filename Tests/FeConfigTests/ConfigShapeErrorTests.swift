// ConfigEvaluator rejects configs whose value has the wrong shape: each a .config FeError
// whose message names the file.
import FeBasics
import FeConfig
import Testing

@Suite(.timeLimit(.minutes(1))) struct ConfigShapeErrorTests {
  static let cases: [(source: String, says: String)] = [
    ("export default 42;", "must export an object"),
    ("export default 'fe@2';", "must export an object"),
    ("export default [1, 2];", "must export an object"),
    ("export default null;", "must export an object"),
    ("export default () => 7;", "must export an object"),
    ("export default async () => undefined;", "must export an object"),
    ("export default { fe: 2 };", "`fe` must be a version range string"),
    ("export default { fe: ['^2'] };", "`fe` must be a version range string"),
    ("export default { fe: null };", "`fe` must be a version range string"),
    ("export default { tools: 'tsc@5' };", "`tools` must be an object"),
    ("export default { tools: ['tsc'] };", "`tools` must be an object"),
    ("export default { tools: { tsc: 5 } };", "tools.tsc must be a version range string"),
    ("export default { tools: { tsc: { version: '5' } } };", "tools.tsc must be a version range string"),
    ("export default { tools: { tsc: null } };", "tools.tsc must be a version range string"),
    ("export default { fe: '^^2' };", "\"^^2\""),
    ("export default { fe: '1.2.3.4' };", "\"1.2.3.4\""),
    ("export default { tools: { tsc: '^^2' } };", "pinned for tsc"),
    ("export default { tools: { eslint: '1.2.3.4' } };", "pinned for eslint"),
    ("export default { tools: { x: 'not a range' } };", "pinned for x"),
    ("export default { registry: 5 };", "`registry` must be a URL or path string"),
    ("export default { registry: { url: 'https://x' } };", "`registry` must be a URL or path string"),
    ("export default { registry: true };", "`registry` must be a URL or path string"),
  ]

  @Test(arguments: cases)
  func invalidShapeIsAConfigErrorNamingTheFile(_ source: String, _ says: String) throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", source)
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.hasPrefix(path + ":") == true)
    #expect(e?.message.contains(says) == true)
  }

  @Test(arguments: ["^^2", "1.2.3.4"])
  func invalidRangeMessageSaysItIsNotValid(_ range: String) throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default { fe: '\(range)' };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.message.contains("the range \"\(range)\" pinned for fe is not valid") == true)
  }
}
