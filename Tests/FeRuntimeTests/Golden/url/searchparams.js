// URLSearchParams: the form-urlencoded parser and serializer, the three constructor forms and
// their errors, live iteration, stable sort, the URL's query kept in step, and inspect.
const util = require('util');
const p = new URLSearchParams('?a=1&b=2+3&a=%zz&c&=e&%F0%9F%98%80=%E2%82%AC');
console.log([...p], p.size, p.toString());
console.log(new URLSearchParams([['x', '1'], ['y', 'two words']]).toString());
console.log(new URLSearchParams({ k: 'v', 'a b': '~!*()' }).toString());
for (const bad of [[[1]], [1], { [Symbol.iterator]: 42 }]) {
  try { new URLSearchParams(bad); } catch (e) { console.log(e.code, e.message); }
}
p.append('z', 'last'); p.delete('a', '1'); console.log(p.toString(), p.has('a'), p.has('a', '%zz'));
p.set('b', 'new'); p.sort(); console.log(p.toString());
const order = new URLSearchParams('b=1&a=2&b=0&a=1&\uFFFD=x&\u00e9=y');
order.sort(); console.log([...order.keys()].join(','));
const seen = [];
const live = new URLSearchParams('a=1&b=2');
for (const [k] of live) { seen.push(k); if (k === 'a') live.append('c', '3'); }
console.log(seen.join(','));
const u = new URL('http://h/?q=1');
u.searchParams.append('r', '2 3'); console.log(u.href);
u.search = '?s=4'; console.log([...u.searchParams]);
u.searchParams.delete('s'); console.log(u.href);
console.log(util.inspect(new URLSearchParams('a=1&b=2')));
console.log(util.inspect(new URLSearchParams()));
console.log(util.inspect(new URLSearchParams('a=1&b=2').keys()));
console.log(Object.prototype.toString.call(new URLSearchParams().entries()));
try { URLSearchParams.prototype.get.call({}, 'a'); } catch (e) { console.log(e.code, e.message); }
try { new URLSearchParams().append('a'); } catch (e) { console.log(e.code, e.message); }
