// querystring.stringify and escape: encodeURIComponent's set, arrays repeat the key.
const qs = require('querystring');
console.log(qs.stringify({ a: [1, 2], b: 'x y', c: 'ü', d: '', e: true, f: null, g: undefined, h: NaN, i: 1e21, j: 10n, k: {} }));
console.log(qs.stringify({ a: [], b: 1, c: [3] }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'));
console.log(qs.stringify({ 'key with space': "it's (ok)*!~-._" }));
console.log(qs.stringify({ a: 'x y' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }));
console.log(qs.stringify('nope'), qs.stringify(null), JSON.stringify(qs.stringify([1, 2])), qs.encode === qs.stringify);
console.log(qs.escape('a b&c=d/é€😀'), qs.escape(12), qs.escape({ toString: () => 'x y' }), qs.escape(null));
try {
  qs.escape('\uD800');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
console.log(qs.escape('\uDC00x'));
const round = { list: ['a', 'b c'], sym: '&=?#' };
console.log(JSON.stringify(qs.parse(qs.stringify(round))));
