const path = require('path');
const cases = [
  ['join', ['/a', 'b', '../c', './d']], ['join', ['']], ['join', ['a', '', 'b/']], ['join', ['/', '..', 'x']],
  ['resolve', ['/foo/bar', './baz']], ['resolve', ['/foo/bar', '/tmp/file/']], ['resolve', ['/a', 'b', '..', 'c/']],
  ['normalize', ['/foo/bar//baz/asdf/quux/..']], ['normalize', ['./a/../../b']], ['normalize', ['']], ['normalize', ['a//']],
  ['relative', ['/data/orandea/test/aaa', '/data/orandea/impl/bbb']], ['relative', ['/a', '/a']], ['relative', ['/a/b', '/a']],
  ['relative', ['/', '/x/y']], ['dirname', ['/foo/bar/baz/asdf/quux']], ['dirname', ['/a']], ['dirname', ['a']], ['dirname', ['/']],
  ['dirname', ['a/b/']], ['basename', ['/foo/bar/baz/asdf/quux.html']], ['basename', ['/foo/bar/baz/asdf/quux.html', '.html']],
  ['basename', ['/a/b/']], ['basename', ['aaa', 'a']], ['basename', ['']], ['extname', ['index.html']], ['extname', ['index.coffee.md']],
  ['extname', ['index.']], ['extname', ['index']], ['extname', ['.index']], ['extname', ['.index.md']], ['isAbsolute', ['/x']],
  ['isAbsolute', ['x/']], ['isAbsolute', ['']],
];
for (const [fn, args] of cases) console.log(`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')}) = ${JSON.stringify(path[fn](...args))}`);
console.log(path.parse('/home/user/dir/file.txt'));
console.log(path.parse('./rel.tar.gz'), path.parse('/'), path.parse('.bashrc'));
console.log(path.format({ root: '/ignored', dir: '/home/user/dir', base: 'file.txt' }));
console.log(path.format({ root: '/', name: 'file', ext: 'txt' }));
console.log(path.sep, path.delimiter, path.posix === path);
try { path.join(1); } catch (e) { console.log(e.code, e.message); }
