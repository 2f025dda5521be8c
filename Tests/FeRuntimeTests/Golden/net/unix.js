// A Unix-socket server and client; unref'd servers let the process exit.
const net = require('net');
const os = require('os');
const path = require('path');
const fs = require('fs');
const sockPath = path.join(os.tmpdir(), `fe-golden-net-${process.pid}.sock`);
const server = net.createServer((s) => s.end('pong'));
server.listen(sockPath, () => {
  console.log('address is path', server.address() === sockPath);
  const c = net.connect(sockPath);
  let got = '';
  c.on('connect', () => console.log('connected'));
  c.on('data', (d) => { got += d; });
  c.on('end', () => console.log('got', got));
  c.on('close', () => {
    server.close(() => {
      console.log('socket file removed', !fs.existsSync(sockPath));
      // An unref'd listening server does not keep the process alive.
      const idle = net.createServer().listen(0, '127.0.0.1', () => console.log('idle listening'));
      idle.unref();
    });
  });
});
process.on('exit', () => console.log('exit'));
