// The WHATWG basic URL parser on the cases that take each path through it: IPv4 numbers in
// hex and octal, IPv6 compression, opaque paths, file: drive letters, percent-encode sets,
// relative resolution, IDNA hosts and failures.
const cases = [
  ['http://0x7f.1/'], ['http://0300.168.0xF0/'], ['http://4294967295/'], ['http://4294967296/'],
  ['http://[::1]:80/'], ['http://[1:0:0:0:0:0:0:1]/'], ['http://[1:0:0:2:0:0:0:3]/'], ['http://[::ffff:192.168.0.1]/'],
  ['HTTP://EXAMPLE.com:0443/a/./b/../c?x y#z w'], ['https://example.com:443/'], ['http://a/%2e%2E/b'],
  ['sc:opaque path?q#f'], ['sc://h/p a th'], ['mailto:someone@example.com'], ['javascript:alert(1)'],
  ['file:///C|/dir/file'], ['file://localhost/etc/passwd'], ['file:c:\\foo\\bar'], ['/c:/x', 'file:///d:/y'],
  ['../g', 'http://a/b/c/d;p?q'], ['//g', 'http://a/b/c/d;p?q'], ['?y', 'http://a/b/c/d;p?q'], ['#s', 'sc:opaque'],
  ['http://user:pa ss@host/'], ["https://h/?a='b'"], ["ws://h/?a='b'"], ['non-spec:/.//x'],
  ['http://münchen.de/'], ['http://xn--mnchen-3ya.de/'], ['http://EXAMPLE.COM./'], ['http://a.b.c.0x10/'],
  ['http://exa mple.com/'], ['http://[::1/'], ['http://1.2.3.4.5/'], ['http://example.com:65536/'], ['a'], ['http://'],
  ['blob:https://example.com/uuid'], ['blob:ftp://example.com/x'],
];
for (const [input, base] of cases) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    console.log(JSON.stringify(input), '->', u.href, '|', u.origin, '|', u.host, '|', u.pathname);
  } catch (e) {
    console.log(JSON.stringify(input), '-> throws', e.code, e.message, e.input === input);
  }
}
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://y/'));
