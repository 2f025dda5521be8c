// path.win32 with Node's algorithms: drives, UNC shares, both slashes, case-insensitive relative().
const path = require('path');
const win32 = require('path/win32');
const w = path.win32;
console.log(win32 === w, w.win32 === w, w.posix === path.posix, path.posix.win32 === w, w.sep, w.delimiter);
const show = (name, ...args) => console.log(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) = ${JSON.stringify(w[name](...args))}`);
for (const p of ['C:\\a\\b\\c.txt', 'c:/a/b/', '\\\\server\\share\\dir\\f.js', '//server/share', 'C:', 'C:\\', 'a\\..\\..\\b', '\\foo\\.\\bar\\', 'C:foo\\..\\bar', '']) {
  show('normalize', p);
  show('dirname', p);
  show('basename', p);
  show('extname', p);
  show('isAbsolute', p);
  show('parse', p);
}
show('basename', 'C:\\dir\\file.ext', '.ext');
show('join', 'C:\\a', '..\\b', 'c/d');
show('join', '//server', 'share', 'x');
show('join', '\\\\\\a', 'b');
show('resolve', 'C:\\a\\b', '..\\c');
show('resolve', 'c:/blah\\blah', 'd:/games', 'c:../a');
show('resolve', '\\\\server\\share\\x', '..\\y');
show('relative', 'C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb');
show('relative', 'c:/AaAa/bbbb', 'c:/aaaa/bbbb');
show('relative', 'C:\\foo\\bar', 'D:\\baz');
show('relative', '\\\\foo\\bar\\baz', '\\\\foo\\bar');
show('format', { root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' });
show('format', { root: 'C:\\', name: 'file', ext: 'txt' });
show('toNamespacedPath', 'C:\\foo\\bar');
show('toNamespacedPath', '\\\\server\\share\\x');
show('toNamespacedPath', '\\\\?\\C:\\x');
try { w.join('a', 42); } catch (e) { console.log(e.code, e.message); }
