// Setters run the parser with a state override: invalid values leave the URL as it was, and
// a failure part-way keeps what was set before it.
const u = new URL('http://user@example.com:8080/p?q#h');
const log = () => console.log(u.href);
u.protocol = 'https'; log();
u.protocol = 'file'; log();
u.protocol = 'foo'; log();
u.port = '443'; log();
u.port = '99999'; log();
u.port = '81abc'; log();
u.host = 'example.org:65536'; log();
u.hostname = 'a:1'; log();
u.username = 'us er'; log();
u.password = 'p@ss'; log();
u.pathname = '/a b/%zz/../c'; log();
u.search = 'x=1 2'; log();
u.hash = 'frag ment'; log();
u.search = ''; u.hash = ''; log();
const f = new URL('file:///tmp/x');
f.host = 'localhost'; console.log(f.href);
f.username = 'x'; console.log(f.href);
const o = new URL('data:space  ?q#f');
o.hash = ''; console.log(JSON.stringify(o.href));
o.search = ''; console.log(JSON.stringify(o.href));
try { u.href = 'nope'; } catch (e) { console.log(e.code, e.message); }
