const { URL, URLSearchParams, fileURLToPath, pathToFileURL } = require('url');
const u = new URL('https://user:pw@Example.COM:8080/a/b/../c?x=1&y=two#frag');
console.log(u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash);
console.log(new URL('../d?q', 'http://h.com/a/b/c').href);
console.log(new URL('//other.org/p', 'https://h.com/').href);
console.log(new URL('http://h.com:80/').href, new URL('https://h.com:443/x').port);
console.log(new URL('file:///tmp/a%20b.txt').pathname);
console.log(fileURLToPath('file:///tmp/a%20b.txt'), pathToFileURL('/tmp/a b#c.txt').href);
try { new URL('not a url'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new URL('http://'); } catch (e) { console.log(e.code); }
const p = new URLSearchParams('a=1&b=2&a=3&sp=x+y%20z');
console.log(p.get('a'), p.getAll('a'), p.has('b'), p.get('sp'), p.get('missing'));
p.append('c', 'ä &=');
p.delete('b');
p.sort();
console.log(p.toString(), [...p.keys()], p.size);
const u2 = new URL('http://x.com/?k=v');
u2.searchParams.set('k', 'w w');
u2.hash = 'h';
u2.pathname = '/new path';
console.log(u2.href);
console.log(new URLSearchParams({ a: 1, b: [1, 2] }).toString(), new URLSearchParams([['x', 'y']]).toString());
console.log(URL.canParse('http://a'), URL.canParse('nope'));
console.log(JSON.stringify({ u: new URL('http://a.com/b') }));
console.log(new URL('mailto:someone@example.com').pathname, new URL('data:text/plain,hi').protocol);
