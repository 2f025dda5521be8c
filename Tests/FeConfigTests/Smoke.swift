import Testing
import FeConfig
import FeRuntime
import FeBasics

@Test func smoke() { #expect(Bool(true)) }
