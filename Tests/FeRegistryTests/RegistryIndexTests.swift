import Testing
@testable import FeRegistry

@Suite struct RegistryIndexTests {
  @Test func placeholder() {}
}
