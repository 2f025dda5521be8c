// http.Server is a function as in Node: callable without `new`, inheritable the old way; and a
// server listens on a Unix socket path, which a client reaches with `socketPath`.
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');
const fs = require('fs');

const plain = http.Server((req, res) => res.end('plain'));
console.log('without new', plain instanceof http.Server, plain instanceof require('events'));

function OldStyle(handler) { http.Server.call(this, handler); this.kind = 'old'; }
util.inherits(OldStyle, http.Server);
const old = new OldStyle((req, res) => res.end(`old ${req.url}`));
console.log('old-style subclass', old instanceof http.Server, old.kind, typeof old.listen);

class Modern extends http.Server {}
console.log('class subclass', new Modern() instanceof http.Server);

const sock = path.join(os.tmpdir(), `fe-golden-http-${process.pid}.sock`);
try { fs.unlinkSync(sock); } catch {}
old.listen(sock, () => {
  console.log('address is the path', old.address() === sock);
  http.get({ socketPath: sock, path: '/via-pipe' }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      console.log('response', res.statusCode, body);
      // A second server on the same path: EADDRINUSE, as in Node.
      const again = http.createServer();
      again.on('error', (e) => {
        console.log('second listen', e.code, e.syscall);
        old.close(() => console.log('closed; socket file removed', !fs.existsSync(sock)));
      });
      again.listen(sock);
    });
  });
});
