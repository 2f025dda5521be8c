// util.inspect shows what a Map or Set iterator has left (without advancing it) and, with
// showHidden, what a WeakMap or WeakSet holds, as V8 previews them.
const util = require('util');
const m = new Map([[1, 'a'], [{ k: 1 }, [2]]]);
const s = new Set([1, 'two']);
console.log(util.inspect(m.entries()), util.inspect(m.keys()), util.inspect(m.values()));
console.log(util.inspect(s.values()), util.inspect(s.entries()));
const it = m.entries(); it.next();
console.log(util.inspect(it));
const key = {};
const wm = new WeakMap([[key, 1]]); const ws = new WeakSet([key]);
console.log(util.inspect(wm), util.inspect(ws));
console.log(util.inspect(wm, { showHidden: true }), util.inspect(ws, { showHidden: true }));
console.log(util.inspect(new Map([[1,2],[3,4]]).entries(), { maxArrayLength: 1 }));
console.log(util.inspect([1,2,3][Symbol.iterator]()));
console.log(util.inspect(new Map().keys()), util.inspect(new WeakMap(), { showHidden: true }), util.inspect(new Set().entries()));
const drained = new Set([1]).values();
drained.next();
console.log(util.inspect(drained), [...m.keys()].length);
console.log(util.inspect({ deep: { it: m.values() } }, { depth: 0 }), util.inspect({ it: new Map([['alpha', 1], ['beta', 2]]).entries() }, { breakLength: 20 }));
