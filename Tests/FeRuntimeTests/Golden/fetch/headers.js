// Headers: case-insensitive names, combined values, sorted iteration, set-cookie, validation.
const h = new Headers({ 'Content-Type': 'text/plain', 'X-B': '2' });
h.append('x-a', '1');
h.append('X-A', 'again');
h.append('Set-Cookie', 'a=1');
h.append('set-cookie', 'b=2');
console.log(h.get('content-type'), h.get('X-A'), h.get('missing'), h.has('x-b'), h.has('nope'));
console.log([...h]);
console.log([...h.keys()], [...h.values()]);
console.log(h.getSetCookie(), h.get('set-cookie'));
h.set('x-a', '  trimmed\t');
h.delete('X-B');
console.log(JSON.stringify(h.get('x-a')), h.has('x-b'));
const seen = [];
h.forEach(function (value, name, self) { seen.push(`${name}=${value}`, self === h, this.tag); }, { tag: 'this' });
console.log(seen);
console.log(h);
console.log(new Headers());

// Other ways to build one.
console.log([...new Headers([['a', '1'], ['A', '2'], ['b', '3']])]);
console.log([...new Headers(h)].length, [...new Headers(new Map([['m', 'map']]))]);
const it = new Headers({ z: '1' }).entries();
console.log(Object.prototype.toString.call(it), it.next(), it.next());
console.log(Object.prototype.toString.call(h), typeof Headers.prototype[Symbol.iterator]);

// Errors.
const tries = [
  () => h.append('bad name', 'x'),
  () => h.append('x', 'line\nbreak'),
  () => h.get('bäd:'),
  () => h.set('x', '€'),
  () => h.append('only-one'),
  () => new Headers([['a', 'b', 'c']]),
  () => new Headers(42),
];
for (const t of tries) {
  try { t(); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
}
