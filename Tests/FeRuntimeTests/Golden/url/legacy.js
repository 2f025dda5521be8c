// The legacy API: url.parse's Url objects (auth, host, port, query parsing, IPv6, IDNA,
// escaping, invalid hosts), url.format of objects and of WHATWG URLs with options,
// url.resolve and resolveObject.
const url = require('url');
const show = (u) => console.log(JSON.stringify(u));
show(url.parse('HTTP://user:pw@Example.COM:8080/p/a/t/h?query=string#hash'));
show(url.parse('/p?x=1&y=2&x=3', true));
show(url.parse('//host/path', false, true));
show(url.parse('http://[::1]:3000/x'));
show(url.parse('http://münchen.de/ä b'));
show(url.parse('mailto:a@b.c'));
show(url.parse('http://a.com\\b\\c?d\\e'));
try { show(url.parse('http://a\u00ad/')); } catch (e) { console.log(e.code, e.message); }
try { url.parse(1); } catch (e) { console.log(e.code); }
console.log(url.format({ protocol: 'https', hostname: 'ex.com', port: 8, pathname: 'a?b', query: { q: 'x y' }, hash: 'h' }));
console.log(url.format({ protocol: 'file', pathname: '/tmp' }));
console.log(url.format('http://a.com/x y'));
const w = new URL('http://u:p@xn--mnchen-3ya.de/p?q#h');
console.log(url.format(w), url.format(w, { auth: false, search: false, fragment: false, unicode: true }));
console.log(url.resolve('http://a/b/c/d;p?q', '../../g'), url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'));
console.log(url.resolve('mailto:a@b', 'c@d'), url.resolve('http://a/b', '//c/d'));
show(url.resolveObject('http://a/b/c', '../d?e'));
console.log(url.parse('http://x/') instanceof url.Url);
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com') === '', url.domainToUnicode('xn--espaol-zwa.com'));
console.log(JSON.stringify(url.urlToHttpOptions(new URL('https://a:b@[::1]:99/p?q#h'))));
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.pathToFileURL('/tmp/a b#?%/').href);
