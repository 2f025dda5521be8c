// querystring.parse: Node's legacy rules for separators, '+', %XX, repeats and maxKeys.
const qs = require('querystring');
const show = (v) => JSON.stringify(v);
for (const s of ['a=1&&b=2', '&a', '=x', 'a=', 'a', 'a=b=c', '=&=', '+a+=+b+', 'a=%zz&b=%41%42&c=%E4%BD%A0',
  'a=1&a=2&a=3', '__proto__=1&constructor=2&hasOwnProperty=3', 'a[]=1&a[]=2', '%=%', 'a%20b=c%2', 'a=1;b=2',
  'x=%F0%9F%98%80&y=%C3', '=', '&', '&&', 'a=1&b', 'k=%u0041', 'a=%2B+%2b', 'q=caf%C3%A9&q=%', '%41=%42']) {
  const parsed = qs.parse(s);
  console.log(show(s), show(parsed), Object.getPrototypeOf(parsed));
}
console.log(show(qs.parse('a:1;b:2', ';', ':')));
console.log(show(qs.parse('a==1&&&b==2&&&c', '&&&', '==')));
console.log(show(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
console.log(show(qs.parse('a=1&&&b=2&c=3', null, null, { maxKeys: 3 })));
console.log(show(qs.parse('a=1&b=2', null, null, { maxKeys: 0 })));
console.log(show(qs.parse('a=%41&b=c+d&&=', null, null, { decodeURIComponent: (s) => `[${s}]` })));
console.log(show(qs.parse('a=%41&b=%ZZ', null, null, { decodeURIComponent: (s) => { if (s.includes('%Z')) throw new Error('no'); return s.toLowerCase(); } })));
console.log(show(qs.parse(42)), show(qs.parse('')), qs.decode === qs.parse);
console.log(show(qs.unescape('a%20b+c')), show(qs.unescape('%E4%BD%A0%')), show(qs.unescape('%zz+', true)));
console.log(qs.unescapeBuffer('a%41+%2x%'), qs.unescapeBuffer('a+b', true).toString());
