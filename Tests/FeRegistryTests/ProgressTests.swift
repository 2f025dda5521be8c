import Testing

@testable import FeRegistry

@Suite struct ProgressTests {
  @Test func rendersBytesRateAndETA() {
    let line = ProgressBar.render(label: "fe@2.1.0 source", received: 5_000_000, total: 10_000_000, elapsed: 2, width: 10)
    #expect(line == "fe@2.1.0 source  [#####-----]  5.0 MB / 10.0 MB  2.5 MB/s  ETA 2s")
  }

  @Test func startAndEnd() {
    #expect(ProgressBar.render(label: "x", received: 0, total: 100, elapsed: 0, width: 4) == "x  [----]  0 B / 100 B")
    #expect(ProgressBar.render(label: "x", received: 100, total: 100, elapsed: 1, width: 4) == "x  [####]  100 B / 100 B  100 B/s  ETA 0s")
  }

  @Test func units() {
    #expect(ProgressBar.bytes(999) == "999 B")
    #expect(ProgressBar.bytes(12_345) == "12.3 KB")
    #expect(ProgressBar.bytes(1_200_000_000) == "1.2 GB")
    #expect(ProgressBar.duration(75) == "1m15s")
    #expect(ProgressBar.duration(3700) == "1h1m")
  }

  @Test func drawsInPlaceAndClearsItsLine() {
    var written: [String] = []
    let bar = ProgressBar(label: "t", total: 10) { written.append($0) }
    bar.update(10)
    bar.finish()
    #expect(written.count == 2)
    #expect(written[0].hasPrefix("\rt  [") && written[0].hasSuffix("\u{1B}[K"))
    #expect(written[1] == "\r\u{1B}[K")
  }
}
