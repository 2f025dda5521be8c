// Isolate.terminate() from another thread stops running JavaScript with JSTerminated.
import Dispatch
import FeEngine
import Foundation
import Testing

/// A delegate whose one op (`op_started`) tells another thread that JavaScript is running.
private final class StartSignal: IsolateDelegate, @unchecked Sendable {
  let started = DispatchSemaphore(value: 0)
  func isolate(_ isolate: Isolate, op index: Int, call: OpCall) { started.signal() }
  func isolate(_ isolate: Isolate, resolve specifier: String, referrer: Local, scope: Scope) -> Local? { nil }
  func isolate(_ isolate: Isolate, importMetaFor module: Local, meta: Local, scope: Scope) {}
  func isolate(_ isolate: Isolate, dynamicImport specifier: String, referrer: String, vmHost: Int, assertions: Local, scope: Scope) -> Local? { nil }
}

private struct Unchecked<T>: @unchecked Sendable { let value: T }

@Suite struct TerminationTests {
  /// An isolate whose core can spin forever after signalling that it started.
  private func spinningIsolate() throws -> (Isolate, StartSignal) {
    let isolate = Isolate()
    let signal = StartSignal()
    isolate.delegate = signal
    try isolate.bootstrap(
      source: """
        globalThis.started = () => ops.op_started();
        return { spin() { ops.op_started(); while (true) {} }, add(a, b) { return a + b } };
        """,
      name: "core.js", ops: ["op_started"])
    return (isolate, signal)
  }

  /// Terminates `isolate` from another thread shortly after its JavaScript signalled that it runs.
  /// A dedicated thread, not a dispatch queue: the spinning tests may occupy every pool thread.
  private func terminateWhenStarted(_ isolate: Isolate, _ signal: StartSignal) {
    let target = Unchecked(value: isolate)
    Thread {
      signal.started.wait()
      usleep(20_000)  // let the loop spin for a moment; the test itself waits for the call to return
      target.value.terminate()
    }.start()
  }

  @Test(.timeLimit(.minutes(1)))
  func infiniteLoopIsStoppedFromAnotherThread() throws {
    let (isolate, signal) = try spinningIsolate()
    terminateWhenStarted(isolate, signal)
    #expect(throws: JSTerminated.self) {
      try isolate.scope { s in _ = try s.callCore("spin") }
    }
    #expect(isolate.isTerminating)
  }

  @Test(.timeLimit(.minutes(1)))
  func scriptLoopIsStoppedToo() throws {
    let (isolate, signal) = try spinningIsolate()
    terminateWhenStarted(isolate, signal)
    #expect(throws: JSTerminated.self) {
      try isolate.scope { s in _ = try s.run("globalThis.n = 0; started(); while (true) { n++ }", name: "loop.js") }
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func isolateIsUsableAfterCancelTermination() throws {
    let (isolate, signal) = try spinningIsolate()
    terminateWhenStarted(isolate, signal)
    #expect(throws: JSTerminated.self) {
      try isolate.scope { s in _ = try s.callCore("spin") }
    }
    isolate.cancelTermination()
    #expect(!isolate.isTerminating)
    let sum = try isolate.scope { s in s.toSwift(try s.callCore("add", [s.number(2), s.number(3)])) }
    #expect(sum == .number(5))
    let ran = try isolate.scope { s in s.toSwift(try s.run("[1, 2, 3].length", name: "after.js")) }
    #expect(ran == .number(3))
  }
}
