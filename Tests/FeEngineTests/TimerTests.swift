// The event loop: nextTick / promise / timer / immediate order, intervals, unref.
import FeEngine
import FeRuntime
import Testing

@Suite(.timeLimit(.minutes(1))) struct TimerTests {
  @Test func nextTickRunsBeforePromisesBeforeTimersAndImmediates() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.order = [];
      setTimeout(() => order.push('timeout'), 0);
      setImmediate(() => order.push('immediate'));
      Promise.resolve().then(() => order.push('promise'));
      process.nextTick(() => order.push('tick'));
      order.push('sync');
      """, name: "order.js")
    try rt.runLoop()
    guard case .array(let items) = try rt.runScript("order", name: "read.js") else {
      Issue.record("order is not an array")
      return
    }
    let order = items.compactMap(\.stringValue)
    #expect(order.count == 5)
    #expect(Array(order.prefix(3)) == ["sync", "tick", "promise"])
    #expect(Set(order.suffix(2)) == ["timeout", "immediate"])
  }

  @Test func nestedTicksAndMicrotasksFollowNodesOrder() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.order = [];
      Promise.resolve()
        .then(() => { order.push('p1'); process.nextTick(() => order.push('tick-from-p1')); })
        .then(() => order.push('p2'));
      process.nextTick(() => {
        order.push('t1');
        Promise.resolve().then(() => order.push('p-from-t1'));
        process.nextTick(() => order.push('t2'));
      });
      queueMicrotask(() => order.push('qm'));
      """, name: "nested.js")
    try rt.runLoop()
    // Node 20 prints exactly this for the same script.
    let expected = ["t1", "t2", "p1", "qm", "p-from-t1", "p2", "tick-from-p1"].map(JSValue.string)
    #expect(try rt.runScript("order", name: "read.js") == .array(expected))
  }

  @Test func uncaughtExceptionInATimerGoesToTheListener() throws {
    let exits = ExitRecorder()
    let rt = try bootRuntime(exits: exits)
    try rt.runScript(
      """
      globalThis.caught = [];
      process.on('uncaughtException', (e, origin) => caught.push(e.message + ' / ' + origin));
      setTimeout(() => { throw new Error('timer boom') }, 1);
      setTimeout(() => caught.push('loop went on'), 5);
      """, name: "uncaught.js")
    try rt.runLoop()
    #expect(
      try rt.runScript("caught", name: "read.js")
        == .array([.string("timer boom / uncaughtException"), .string("loop went on")]))
    #expect(exits.codes.isEmpty)
  }

  @Test func unhandledRejectionGoesToTheListener() throws {
    let exits = ExitRecorder()
    let rt = try bootRuntime(exits: exits)
    try rt.runScript(
      """
      globalThis.reasons = [];
      process.on('unhandledRejection', (reason) => reasons.push(reason.message));
      Promise.reject(new Error('nobody handled me'));
      Promise.reject(new Error('handled later')).catch(() => {});
      """, name: "rejection.js")
    try rt.runLoop()
    #expect(try rt.runScript("reasons", name: "read.js") == .array([.string("nobody handled me")]))
    #expect(exits.codes.isEmpty)
  }

  @Test func ticksAndMicrotasksDrainBetweenMacrotasks() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.order = [];
      setTimeout(() => {
        order.push('t1');
        process.nextTick(() => order.push('t1-tick'));
        Promise.resolve().then(() => order.push('t1-promise'));
      }, 1);
      setTimeout(() => order.push('t2'), 1);
      setImmediate(() => {
        order.push('i1');
        setImmediate(() => order.push('i1-nested'));
        process.nextTick(() => order.push('i1-tick'));
      });
      """, name: "drain.js")
    try rt.runLoop()
    guard case .array(let items) = try rt.runScript("order", name: "read.js") else {
      Issue.record("order is not an array")
      return
    }
    let order = items.compactMap(\.stringValue)
    #expect(order.count == 7)
    func index(_ s: String) -> Int { order.firstIndex(of: s) ?? -1 }
    #expect(index("t1") + 1 == index("t1-tick"))
    #expect(index("t1-tick") + 1 == index("t1-promise"))
    #expect(index("t1-promise") < index("t2"))
    #expect(index("i1") + 1 == index("i1-tick"))
    #expect(index("i1") < index("i1-nested"))
  }

  @Test func timersFireInDeadlineOrder() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.order = [];
      setTimeout(() => order.push(30), 30);
      setTimeout(() => order.push(1), 1);
      setTimeout(() => order.push(10), 10);
      setTimeout((a, b) => order.push(a + b), 5, 2, 3);
      """, name: "deadlines.js")
    try rt.runLoop()
    #expect(try rt.runScript("order", name: "read.js") == .array([.number(1), .number(5), .number(10), .number(30)]))
  }

  @Test func intervalClearedAfterThreeTicks() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.ticks = 0;
      const t = setInterval(() => { if (++ticks === 3) clearInterval(t); }, 1);
      """, name: "interval.js")
    try rt.runLoop()
    #expect(try rt.runScript("ticks", name: "read.js") == .number(3))
  }

  @Test func clearedTimeoutNeverFires() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      "globalThis.fired = []; const t = setTimeout(() => fired.push('a'), 1); setTimeout(() => fired.push('b'), 2); clearTimeout(t);",
      name: "clear.js")
    try rt.runLoop()
    #expect(try rt.runScript("fired", name: "read.js") == .array([.string("b")]))
  }

  @Test func unrefedTimerDoesNotKeepTheLoopAlive() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.fired = false;
      globalThis.handle = setTimeout(() => { fired = true }, 30000);
      handle.unref();
      """, name: "unref.js")
    try rt.runLoop()  // returns at once: nothing refed is left
    #expect(try rt.runScript("[fired, handle.hasRef()]", name: "read.js") == .array([.bool(false), .bool(false)]))
  }

  @Test func unrefedTimerStillFiresWhileOtherWorkKeepsTheLoopAlive() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.order = [];
      setTimeout(() => order.push('unrefed'), 1).unref();
      setTimeout(() => order.push('refed'), 40);
      """, name: "unref2.js")
    try rt.runLoop()
    #expect(try rt.runScript("order", name: "read.js") == .array([.string("unrefed"), .string("refed")]))
  }

  @Test func beforeExitCanScheduleMoreWork() throws {
    let rt = try bootRuntime()
    try rt.runScript(
      """
      globalThis.events = [];
      process.once('beforeExit', (code) => { events.push('beforeExit ' + code); setTimeout(() => events.push('late'), 1); });
      """, name: "before-exit.js")
    try rt.runLoop()
    #expect(try rt.runScript("events", name: "read.js") == .array([.string("beforeExit 0"), .string("late")]))
  }
}
