// Bad peers: a client that sends bytes that are not HTTP/2, a server that closes the connection
// at once, and one that answers in HTTP/1.1. Each gives Node's errors; nothing hangs.
const http2 = require('http2');
const net = require('net');

function garbageClient() {
  return new Promise((resolve) => {
    const server = http2.createServer();
    server.on('sessionError', (err) => console.log('server sessionError: %s %s', err.code, err.message));
    server.on('stream', () => console.log('server: unexpected stream'));
    server.listen(0, '127.0.0.1', () => {
      const socket = net.connect(server.address().port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.on('close', () => {
        console.log('garbage client: connection closed by the server');
        server.close(resolve);
      });
    });
  });
}

function closingServer() {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => {
      const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
      client.on('error', (err) => console.log('client error: %s', err.code));
      const req = client.request({ ':path': '/' });
      req.on('error', (err) => console.log('request error: %s %s', err.code, err.message));
      // Which closes first differs between Node versions: both are waited for.
      const closed = [new Promise((r) => req.on('close', r)), new Promise((r) => client.on('close', r))];
      Promise.all(closed).then(() => {
        console.log('request and session closed, rstCode %d', req.rstCode);
        server.close(resolve);
      });
      req.end();
    });
  });
}

function http1Server() {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => {
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
    server.listen(0, '127.0.0.1', () => {
      const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
      client.on('error', (err) => console.log('client error: %s %s', err.code, err.message));
      client.on('close', () => {
        console.log('session closed');
        server.close(resolve);
      });
      const req = client.request({ ':path': '/' });
      req.on('error', (err) => console.log('request error: %s', err.code));
      req.end();
    });
  });
}

(async () => {
  await garbageClient();
  await closingServer();
  await http1Server();
  console.log('done');
})();
