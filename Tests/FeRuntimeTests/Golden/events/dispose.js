// Symbol.dispose and Symbol.asyncDispose: Node 18.18+ defines them (V8 10.2 has neither) as the
// registered nodejs.dispose symbols, and its disposers use them: addAbortListener's result, timers.
const { addAbortListener } = require('events');
console.log(String(Symbol.dispose), String(Symbol.asyncDispose), Symbol.dispose === Symbol.for('nodejs.dispose'));
const ac = new AbortController();
const listener = addAbortListener(ac.signal, () => console.log('aborted'));
listener[Symbol.dispose]();
ac.abort();
const timer = setTimeout(() => console.log('timer fired'), 1);
timer[Symbol.dispose]();
const immediate = setImmediate(() => console.log('immediate ran'));
immediate[Symbol.dispose]();
setTimeout(() => console.log('done'), 5);
