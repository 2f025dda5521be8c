// util.types answers for values from any context, as V8 sees them.
const vm = require('vm');
const types = require('util/types');
console.log(types === require('util').types);

const samples = {
  date: new Date(0),
  regexp: /x/,
  error: new TypeError('t'),
  map: new Map(),
  set: new Set(),
  weakmap: new WeakMap(),
  promise: Promise.resolve(),
  proxy: new Proxy({}, {}),
  u8: new Uint8Array(2),
  f64: new Float64Array(1),
  dataview: new DataView(new ArrayBuffer(1)),
  arraybuffer: new ArrayBuffer(1),
  boxed: Object(1),
  asyncFn: async () => {},
  genFn: function* () {},
  gen: (function* () {})(),
  mapIter: new Map().keys(),
  args: (function () { return arguments; })(),
  plain: {},
};
const checks = ['isDate', 'isRegExp', 'isNativeError', 'isMap', 'isSet', 'isWeakMap', 'isPromise', 'isProxy',
  'isUint8Array', 'isTypedArray', 'isFloat64Array', 'isDataView', 'isArrayBuffer', 'isAnyArrayBuffer',
  'isArrayBufferView', 'isBoxedPrimitive', 'isNumberObject', 'isAsyncFunction', 'isGeneratorFunction',
  'isGeneratorObject', 'isMapIterator', 'isArgumentsObject'];
for (const [name, value] of Object.entries(samples)) {
  console.log(name.padEnd(12), checks.filter((c) => types[c](value)).join(' '));
}
const other = vm.runInNewContext('({ date: new Date(0), error: new RangeError("r"), map: new Map(), u8: new Uint8Array(1) })');
for (const [name, value] of Object.entries(other)) {
  console.log('other', name.padEnd(6), checks.filter((c) => types[c](value)).join(' '));
}
