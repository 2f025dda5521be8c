// util's callbackify, debuglog, getSystemErrorName/Map, inherits, toUSVString,
// stripVTControlCharacters, aborted, _extend and the deprecated type checks.
const util = require('util');
const events = require('events');

const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message)); }
};

// callbackify: value, rejection, falsy rejection, name and length.
async function answer(x) { return x * 2; }
const cbAnswer = util.callbackify(answer);
console.log('callbackify name/length', cbAnswer.name, cbAnswer.length);
cbAnswer(21, (err, v) => console.log('callbackify value', err, v));
util.callbackify(async () => { throw new Error('nope'); })((err) => console.log('callbackify error', err.message));
util.callbackify(() => Promise.reject(null))((err) => console.log('callbackify falsy', err.code, err.message, err.reason));
show('callbackify non-function', () => util.callbackify(1));
show('callbackified without callback', () => cbAnswer(1));

// System errors by number.
console.log('names', util.getSystemErrorName(-2), util.getSystemErrorName(-98), util.getSystemErrorName(-4095), util.getSystemErrorName(-1234567));
show('positive errno', () => util.getSystemErrorName(1));
show('non-number errno', () => util.getSystemErrorName('1'));
const map = util.getSystemErrorMap();
console.log('map', map instanceof Map, map.get(-2), map.get(-111), map.get(-3008));

// inherits validates and keeps super_ out of enumeration.
function A() {}
function B() {}
util.inherits(B, A);
console.log('inherits', B.super_ === A, Object.keys(B), new B() instanceof A);
show('inherits null', () => util.inherits(B, null));
show('inherits no prototype', () => util.inherits(B, () => {}));

// Strings.
console.log('toUSVString', JSON.stringify(util.toUSVString('a\ud800b\udc00c')));
console.log('strip', JSON.stringify(util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007')));
show('strip non-string', () => util.stripVTControlCharacters(1));

// debuglog: disabled here (NODE_DEBUG unset), so nothing is printed.
const debug = util.debuglog('golden');
console.log('debuglog', typeof debug, debug.enabled, util.debug === util.debuglog);
debug('not printed');

// _extend and the deprecated checks.
console.log('_extend', util._extend({ a: 1 }, { b: 2 }), util._extend({ a: 1 }, null));
console.log('checks', util.isBoolean(false), util.isNull(null), util.isNullOrUndefined(undefined), util.isNumber(1),
  util.isString(''), util.isSymbol(Symbol()), util.isUndefined(undefined), util.isObject(null), util.isObject({}),
  util.isError(new TypeError()), util.isFunction(() => {}), util.isPrimitive('x'), util.isPrimitive({}),
  util.isBuffer(Buffer.alloc(1)), util.isDate(new Date()), util.isRegExp(/x/));

// Deep equality by V8's types: a prototype swap does not change what a boxed value is.
const numberish = new Number(42);
Object.setPrototypeOf(numberish, String.prototype);
console.log('boxed', util.isDeepStrictEqual(numberish, new String('42')), util.isDeepStrictEqual(new String('a'), new String('a')));

// aborted(): resolves when the signal aborts; getEventListeners sees the listener.
const ac = new AbortController();
util.aborted(ac.signal, {}).then(() => console.log('aborted resolved', events.getEventListeners(ac.signal, 'abort').length));
console.log('abort listeners', events.getEventListeners(ac.signal, 'abort').length);
setTimeout(() => ac.abort(), 5);
show('aborted bad signal', () => util.aborted({}, {}).catch((e) => console.log('aborted rejects', e.code)));
