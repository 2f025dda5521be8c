import fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fe-golden-p-'));
const f = path.join(dir, 'data.txt');
await fsp.writeFile(f, 'line1\nline2\n');
await fsp.appendFile(f, 'line3\n');
console.log(JSON.stringify(await fsp.readFile(f, 'utf8')));
console.log((await fsp.stat(f)).size, (await fsp.readdir(dir)).join(','));
const fh = await fsp.open(f, 'r+');
const { bytesWritten } = await fh.write('LINE', 0);
const out = new Uint8Array(5);
const { bytesRead } = await fh.read(out, 0, 5, 0);
console.log(bytesWritten, bytesRead, new TextDecoder().decode(out), (await fh.stat()).size);
await fh.close();
await fsp.mkdir(path.join(dir, 'a/b'), { recursive: true });
await fsp.cp(path.join(dir), path.join(dir + '-copy'), { recursive: true });
console.log((await fsp.readdir(dir + '-copy')).sort().join(','));
// Each started when awaited: a rejection settling before its handler is attached is unhandled (as in Node).
for (const [label, p] of [['readFile missing', () => fsp.readFile(path.join(dir, 'nope'))], ['access missing', () => fsp.access(path.join(dir, 'nope'))], ['rmdir file', () => fsp.rmdir(f)]]) {
  try { await p(); console.log(label, 'ok'); } catch (e) { console.log(label, e.code, e.syscall, e instanceof Error); }
}
await new Promise((resolve) => fs.readFile(f, 'utf8', (err, data) => { console.log('callback', err, data.split('\n')[0]); resolve(); }));
await new Promise((resolve) => fs.stat(path.join(dir, 'nope'), (err) => { console.log('callback err', err.code); resolve(); }));
await new Promise((resolve) => fs.exists(f, (e) => { console.log('exists', e); resolve(); }));
await fsp.rm(dir, { recursive: true });
await fsp.rm(dir + '-copy', { recursive: true, force: true });
console.log('done', fs.existsSync(dir));
