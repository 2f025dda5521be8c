// fs.watch (recursive and not, files and directories) and fs.watchFile: each change is awaited
// as an event (with a deadline), so the test is as fast as the events and never races them.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-watch-'));
fs.mkdirSync(path.join(root, 'd/sub'), { recursive: true });
const p = (rel) => path.join(root, rel);

// A watcher's events, and a way to wait for one: resolves when (type, name) has been reported,
// or prints what was seen instead once a deadline passes, so a missing event never hangs.
function recorder() {
  const seen = [];
  let waiter = null;
  const listener = (type, name) => {
    seen.push([type, name]);
    if (waiter) waiter();
  };
  const expect = (type, name, action) => new Promise((resolve) => {
    const has = () => seen.some(([t, f]) => t === type && f === name);
    const timer = setTimeout(() => { waiter = null; console.log(`  missing: ${type} ${name}; saw`, seen); resolve(); }, 3000);
    waiter = () => {
      if (!has()) return;
      waiter = null;
      clearTimeout(timer);
      console.log(`  ${type} ${name}`);
      resolve();
    };
    action();
  });
  return { seen, listener, expect };
}

async function main() {
  try { fs.watch(p('missing')); } catch (e) { console.log(e.code, e.syscall, e.message.replace(root, 'ROOT')); }

  console.log('recursive watch:');
  const rec = recorder();
  const w = fs.watch(p('d'), { recursive: true }, rec.listener);
  await rec.expect('rename', 'sub/a.txt', () => fs.writeFileSync(p('d/sub/a.txt'), 'x'));
  await rec.expect('rename', 'new/deeper', () => fs.mkdirSync(p('d/new/deeper'), { recursive: true }));
  await rec.expect('rename', 'new/deeper/f.txt', () => fs.writeFileSync(p('d/new/deeper/f.txt'), 'y'));
  await rec.expect('change', 'sub/a.txt', () => fs.appendFileSync(p('d/sub/a.txt'), 'z'));
  await rec.expect('rename', 'b.txt', () => fs.renameSync(p('d/sub/a.txt'), p('d/b.txt')));
  console.log('  also saw rename sub/a.txt:', rec.seen.some(([t, f]) => t === 'rename' && f === 'sub/a.txt'));
  await new Promise((resolve) => { w.on('close', resolve); w.close(); });
  console.log('  closed');

  console.log('plain watch of a directory:');
  const flat = recorder();
  const wd = fs.watch(p('d'), flat.listener);
  await flat.expect('rename', 'c.txt', () => fs.writeFileSync(p('d/c.txt'), '1'));
  await flat.expect('change', 'c.txt', () => fs.appendFileSync(p('d/c.txt'), '2'));
  fs.writeFileSync(p('d/sub/hidden.txt'), 'not reported without recursive');
  await flat.expect('rename', 'c2.txt', () => fs.renameSync(p('d/c.txt'), p('d/c2.txt')));
  console.log('  nested file reported:', flat.seen.some(([, f]) => f.includes('hidden')));
  wd.close();

  console.log('watch of a file:');
  const one = recorder();
  const wf = fs.watch(p('d/c2.txt'), one.listener);
  await one.expect('change', 'c2.txt', () => fs.appendFileSync(p('d/c2.txt'), '3'));
  wf.close();

  console.log('watchFile:');
  await new Promise((resolve) => {
    const listener = (curr, prev) => {
      console.log('  size', prev.size, '->', curr.size, 'isFile', curr.isFile());
      fs.unwatchFile(p('d/c2.txt'), listener);
      resolve();
    };
    fs.watchFile(p('d/c2.txt'), { interval: 20 }, listener);
    setTimeout(() => fs.appendFileSync(p('d/c2.txt'), '4567'), 50);
  });
  fs.rmSync(root, { recursive: true });
  console.log('done');
}
main();
