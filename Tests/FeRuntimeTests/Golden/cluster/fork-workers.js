// cluster over fork(): two workers come online, answer a message, and leave when the primary
// disconnects them; the primary sees 'fork', 'online', 'disconnect' and 'exit' for each.
const cluster = require('cluster');
if (cluster.isPrimary) {
  console.log('primary', cluster.isMaster, cluster.isWorker);
  cluster.setupPrimary({ args: ['from-primary'] });
  const events = [];
  let online = 0;
  for (let i = 0; i < 2; i++) cluster.fork({ WORKER_NAME: `w${i + 1}` });
  cluster.on('fork', (w) => events.push(`fork ${w.id}`));
  cluster.on('online', (w) => {
    events.push(`online ${w.id}`);
    w.send('ping');
  });
  cluster.on('message', (w, m) => {
    events.push(`message ${w.id} ${m}`);
    if (++online === 2) cluster.disconnect(() => console.log('all disconnected', Object.keys(cluster.workers).length));
  });
  cluster.on('exit', (w, code, signal) => {
    events.push(`exit ${w.id} ${code} ${signal} ${w.exitedAfterDisconnect} ${w.state}`);
    if (events.filter((e) => e.startsWith('exit')).length === 2) console.log(events.sort().join('\n'));
  });
} else {
  process.on('message', (m) => {
    process.send(`${m} pong from ${process.env.WORKER_NAME} (${cluster.worker.id}, ${process.argv[2]}, ${cluster.isWorker})`);
  });
}
