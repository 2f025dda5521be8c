// fs functions beyond the basics: BigIntStats, Dir, cp with a filter, link, chmod/fchmod,
// utimes/futimes, readv/writev, copyFile modes, FileHandle methods, and Node's argument errors.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-node18-'));
const f = path.join(dir, 'a.txt');
fs.writeFileSync(f, 'hello world');
const big = fs.statSync(f, { bigint: true });
console.log(typeof big.size, big.size, typeof big.mtimeNs, big.isFile(), big.mtimeMs === big.mtimeNs / 1000000n);
fs.mkdirSync(path.join(dir, 'src/sub'), { recursive: true });
fs.writeFileSync(path.join(dir, 'src/keep.js'), 'k');
fs.writeFileSync(path.join(dir, 'src/skip.log'), 's');
fs.writeFileSync(path.join(dir, 'src/sub/deep.js'), 'd');
fs.cpSync(path.join(dir, 'src'), path.join(dir, 'dst'), { recursive: true, filter: (s) => !s.endsWith('.log') });
console.log(fs.readdirSync(path.join(dir, 'dst'), { recursive: true }).sort());
try { fs.cpSync(path.join(dir, 'src'), path.join(dir, 'dst2')); } catch (e) { console.log(e.code); }
const d = fs.opendirSync(path.join(dir, 'src'));
const names = [];
for (let e = d.readSync(); e !== null; e = d.readSync()) names.push(`${e.name}:${e.isDirectory()}`);
d.closeSync();
console.log(names.sort(), d.path === path.join(dir, 'src'));
try { d.readSync(); } catch (e) { console.log(e.code); }
fs.linkSync(f, path.join(dir, 'b.txt'));
console.log(fs.statSync(f).nlink, fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'));
fs.chmodSync(f, '640');
console.log((fs.statSync(f).mode & 0o777).toString(8));
const fd = fs.openSync(f, 'r+');
fs.fchmodSync(fd, 0o600);
fs.futimesSync(fd, 1000, 2000);
console.log((fs.fstatSync(fd).mode & 0o777).toString(8), fs.fstatSync(fd).mtimeMs);
console.log(fs.writevSync(fd, [Buffer.from('HE'), Buffer.from('LLO')], 0));
const a = Buffer.alloc(5), b = Buffer.alloc(6);
console.log(fs.readvSync(fd, [a, b], 0), a.toString(), b.toString());
fs.closeSync(fd);
try { fs.copyFileSync(f, path.join(dir, 'b.txt'), fs.constants.COPYFILE_EXCL); } catch (e) { console.log(e.code, e.syscall); }
// Node 20 words some of these differently from Node 18 (null bytes, access modes): codes only.
for (const fn of [() => fs.statSync('a\u0000b'), () => fs.accessSync(f, 'r')]) {
  try { fn(); console.log('no error'); } catch (e) { console.log(e.name, e.code); }
}
const errors = [
  () => fs.readFileSync(42.5),
  () => fs.chmodSync(f, 'rwx'),
  () => fs.closeSync(-1),
  () => fs.openSync(f, 2 ** 32),
  () => fs.mkdirSync(dir, { recursive: 'yes' }),
  () => fs.readSync(1, Buffer.alloc(4), 0, 10, 0),
  () => fs.stat(f),
  () => fs.utimesSync(f, 'soon', 0),
  () => fs.opendirSync(dir, { bufferSize: 0 }),
];
for (const fn of errors) {
  try { fn(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
(async () => {
  const h = await fs.promises.open(f, 'r+');
  await h.chmod(0o644);
  await h.utimes(3000, 4000);
  const { bytesRead, buffer } = await h.read({ buffer: Buffer.alloc(5), position: 0 });
  console.log(bytesRead, buffer.toString(), (await h.stat()).mtimeMs);
  h.on('close', () => console.log('close event'));
  await h.close();
  console.log(h.fd);
  await h.stat().catch((e) => console.log(e.code, e.syscall));
  const dd = await fs.promises.opendir(path.join(dir, 'src'));
  const seen = [];
  for await (const e of dd) seen.push(e.name);
  console.log(seen.sort());
  await fs.promises.cp(path.join(dir, 'src'), path.join(dir, 'dst3'), { recursive: true });
  console.log(fs.existsSync(path.join(dir, 'dst3/sub/deep.js')));
  fs.rmSync(dir, { recursive: true });
  console.log(fs.existsSync(dir));
})();
