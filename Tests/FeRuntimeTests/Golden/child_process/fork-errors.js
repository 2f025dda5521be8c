// Node's errors for IPC misuse: a message that is not serializable, a second 'ipc', ipc in
// spawnSync, fork() without 'ipc' in stdio, disconnect twice.
const cp = require('child_process');
if (process.argv[2] === 'child') {
  process.disconnect();
  return;
}
const attempt = (what, fn) => {
  try { fn(); console.log(what, 'ok'); } catch (e) { console.log(what, e.name, e.code, e.message); }
};
attempt('no ipc', () => cp.fork(__filename, [], { stdio: ['pipe', 'pipe', 'pipe'] }));
attempt('two ipc', () => cp.spawn(process.execPath, ['-e', '0'], { stdio: ['ipc', 'ipc', 'pipe'] }));
attempt('sync ipc', () => cp.spawnSync(process.execPath, ['-e', '0'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }));
const child = cp.fork(__filename, ['child'], { silent: true });
attempt('send undefined', () => child.send(undefined));
attempt('send function', () => child.send(function named() {}));
child.on('disconnect', () => {
  child.on('error', (e) => console.log('error event', e.code, e.message));
  child.disconnect();
});
child.on('exit', (code) => console.log('exit', code));
