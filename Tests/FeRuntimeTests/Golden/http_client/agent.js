// http.Agent's pool over in-memory sockets: keep-alive reuse, 'free', the requests/sockets/
// freeSockets maps, maxSockets queueing, lifo/fifo scheduling, maxFreeSockets, destroy().
const http = require('http');
const { Duplex } = require('stream');

let nextId = 1;
// An in-memory connection to a keep-alive server answering every request with its path.
function connection() {
  const id = nextId++;
  let got = '';
  const server = new Duplex({ read() {}, write(c, e, cb) { client.push(c); cb(); }, final(cb) { client.push(null); cb(); } });
  const client = new Duplex({
    read() {},
    write(c, e, cb) {
      got += c.toString('latin1');
      let end;
      while ((end = got.indexOf('\r\n\r\n')) >= 0) {
        const path = got.slice(0, end).split(' ')[1];
        got = got.slice(end + 4);
        const body = `${path} on socket ${id}`;
        setImmediate(() => server.write(`HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
      }
      cb();
    },
    final(cb) { server.push(null); cb(); },
  });
  // What a net.Socket has and the agent calls on pooled sockets.
  client.id = id;
  client.setKeepAlive = () => client;
  client.setNoDelay = () => client;
  client.setTimeout = (ms) => { client.timeout = ms; return client; };
  client.ref = () => client;
  client.unref = () => client;
  return client;
}
class MemoryAgent extends http.Agent {
  createConnection() { return connection(); }
}

function get(agent, path) {
  return new Promise((resolve) => {
    const req = http.get({ agent, path, host: 'example', port: 8080 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ body, reused: req.reusedSocket }));
    });
  });
}
const tick = () => new Promise((r) => setImmediate(r));
const sizes = (agent) => {
  const count = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.length]));
  return JSON.stringify({ sockets: count(agent.sockets), free: count(agent.freeSockets), requests: count(agent.requests), total: agent.totalSocketCount });
};

(async () => {
  console.log('-- keep-alive reuse');
  const agent = new MemoryAgent({ keepAlive: true });
  let frees = 0;
  agent.on('free', () => frees++);
  const a = await get(agent, '/a');
  console.log(a, sizes(agent));
  await tick();
  console.log('after free', frees, sizes(agent));
  const b = await get(agent, '/b');
  console.log(b);
  await tick();
  agent.destroy();
  await tick();
  console.log('destroyed', sizes(agent));

  console.log('-- without keepAlive sockets are not pooled');
  const plain = new MemoryAgent();
  console.log(await get(plain, '/p'));
  await tick();
  console.log(sizes(plain));

  console.log('-- maxSockets: 2 queues the rest');
  const two = new MemoryAgent({ keepAlive: true, maxSockets: 2 });
  const pending = ['/1', '/2', '/3', '/4', '/5'].map((p) => get(two, p));
  console.log(sizes(two));
  for (const r of await Promise.all(pending)) console.log(r);
  await tick();
  console.log(sizes(two));
  two.destroy();

  for (const scheduling of ['lifo', 'fifo']) {
    console.log(`-- scheduling ${scheduling}`);
    const s = new MemoryAgent({ keepAlive: true, scheduling });
    await Promise.all([get(s, '/x'), get(s, '/y'), get(s, '/z')]);
    await tick();
    console.log(sizes(s));
    console.log((await get(s, '/next')).body);
    await tick();
    s.destroy();
  }

  console.log('-- maxFreeSockets: 1');
  const one = new MemoryAgent({ keepAlive: true, maxFreeSockets: 1 });
  await Promise.all([get(one, '/m'), get(one, '/n'), get(one, '/o')]);
  await tick();
  await tick();
  console.log(sizes(one));
  one.destroy();

  console.log('-- maxTotalSockets: 1 across origins');
  const total = new MemoryAgent({ keepAlive: true, maxTotalSockets: 1 });
  const results = await Promise.all([
    get(total, '/t1'),
    new Promise((resolve) => http.get({ agent: total, host: 'other', port: 1, path: '/t2' }, (res) => { res.resume(); res.on('end', () => resolve('other done')); })),
  ]);
  console.log(results);
  await tick();
  total.destroy();
})();
