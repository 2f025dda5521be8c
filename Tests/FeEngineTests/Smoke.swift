import Testing
@testable import FeEngine
import FeRuntime

@Test func smoke() { #expect(Bool(true)) }
