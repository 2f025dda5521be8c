// fork(): a child on an IPC channel, messages both ways as JSON; the child disconnects, the
// parent sees 'disconnect' and 'exit', then 'close' (which waits for the channel too).
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  console.log('child args', JSON.stringify(process.argv.slice(3)), typeof process.send, process.connected);
  process.on('message', (m) => {
    if (m === 'bye') process.disconnect();
    else process.send(m.n >= 3 ? { done: true, nested: [1, 'two', null] } : { n: m.n + 1 });
  });
  process.on('disconnect', () => console.log('child: disconnect', process.connected));
  process.send({ n: 0 });
} else {
  const child = fork(__filename, ['child', 'a b', '--flag'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  console.log('connected', child.connected, typeof child.channel);
  const events = [];
  child.on('message', (m) => {
    console.log('parent got', JSON.stringify(m));
    child.send(m.done ? 'bye' : { n: m.n + 1 }, (err) => { if (err) console.log('send error', err); });
  });
  child.on('disconnect', () => events.push(`disconnect ${child.connected}`));
  child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
  child.on('close', (code) => {
    console.log('parent: close', code, events.sort().join(', '));
    child.send('late', (err) => console.log('late send:', err.code, err.message));
  });
}
