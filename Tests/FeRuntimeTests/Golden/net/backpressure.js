// Backpressure both ways: a paused reader stops the kernel reads, writes see 'drain'.
const net = require('net');
const total = 8 * 1024 * 1024;
const server = net.createServer((sock) => {
  sock.pause();
  setTimeout(() => {
    let received = 0;
    sock.on('data', (d) => { received += d.length; });
    sock.on('end', () => {
      console.log('server received all', received === total);
      server.close();
    });
    sock.resume();
  }, 50);
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  let sawFalse = false;
  let drains = 0;
  client.on('drain', () => { drains++; pump(); });
  function pump() {
    while (sent < total) {
      sent += chunk.length;
      if (!client.write(chunk)) { sawFalse = true; return; }
    }
    client.end();
  }
  client.on('connect', pump);
  client.on('close', () => console.log('write returned false', sawFalse, 'drained', drains > 0, 'bytesWritten', client.bytesWritten === total));
});
