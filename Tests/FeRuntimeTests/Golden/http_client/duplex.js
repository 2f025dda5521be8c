// http's client over in-memory sockets (createConnection returning a Duplex, as Node allows):
// what it writes, how it parses responses (chunked with trailers, duplicates, HEAD, 204, 1xx,
// upgrade, close-delimited), and the errors a broken response gives.
const http = require('http');
const { Duplex } = require('stream');

// Two connected in-memory streams: what one writes, the other reads.
function pair() {
  const a = new Duplex({ read() {}, write(c, e, cb) { b.push(c); cb(); }, final(cb) { b.push(null); cb(); } });
  const b = new Duplex({ read() {}, write(c, e, cb) { a.push(c); cb(); }, final(cb) { a.push(null); cb(); } });
  return [a, b];
}
// A server that answers the request head with `reply(head, socket, restSoFar)`.
function connector(reply) {
  return () => {
    const [client, server] = pair();
    let got = '';
    let answered = false;
    server.on('data', (d) => {
      got += d.toString('latin1');
      const end = got.indexOf('\r\n\r\n');
      if (end >= 0 && !answered) {
        answered = true;
        const head = got.slice(0, end + 4);
        got = got.slice(end + 4);
        reply(head, server, () => got);
      }
    });
    server.on('end', () => server.end());
    return client;
  };
}

const tests = [];
const test = (name, fn) => tests.push([name, fn]);
function run() {
  const t = tests.shift();
  if (!t) return;
  console.log(`-- ${t[0]}`);
  t[1](() => setImmediate(run));
}

test('chunked response with trailers and duplicate headers', (done) => {
  const events = [];
  const req = http.request({
    path: '/x?y=1', headers: { 'X-Test': 'v' },
    createConnection: connector((head, s) => {
      console.log(JSON.stringify(head));
      s.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Type: text/html\r\nSet-Cookie: a=1\r\n' +
        'Set-Cookie: b=2\r\nX-A: 1\r\nX-A: 2\r\nCookie: c\r\nCookie: d\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n');
      s.end();
    }),
  }, (res) => {
    events.push('response');
    console.log(res.statusCode, res.statusMessage, res.httpVersion, res.headers);
    console.log(res.rawHeaders.length);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => { events.push('end'); console.log(body, res.trailers, res.rawTrailers, res.complete); });
  });
  req.on('socket', () => events.push('socket'));
  req.on('finish', () => events.push('finish'));
  req.on('close', () => { events.push('close'); console.log(events.join(' ')); done(); });
  req.end();
});

test('POST with a chunked body, then a Content-Length response', (done) => {
  const req = http.request({
    method: 'post',
    createConnection: connector((head, s, rest) => {
      console.log(JSON.stringify(head));
      setImmediate(() => {
        console.log(JSON.stringify(rest()));
        s.end('HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc');
      });
    }),
  }, (res) => {
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => { console.log(res.statusCode, Buffer.concat(parts).toString()); });
  });
  console.log(req.method, req.path, req.getHeader('host'), req.headersSent);
  req.setHeader('Trailer', 'X-Sum');
  req.write('hello');
  req.write(Buffer.from(' there'));
  req.addTrailers({ 'X-Sum': '42' });
  req.end(() => console.log('end callback'));
  console.log(req.writableEnded, req.headersSent);
  req.on('close', done);
});

test('end(data) sends Content-Length', (done) => {
  const req = http.request({
    method: 'PUT', headers: { 'X-One': '1' },
    createConnection: connector((head, s) => {
      console.log(JSON.stringify(head));
      s.end('HTTP/1.0 200 OK\r\n\r\nread to the end');
    }),
  }, (res) => {
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => console.log(res.httpVersion, body, res.complete));
  });
  req.on('close', done);
  req.end('payload');
});

test('headers as an array are sent as given', (done) => {
  const req = http.request({
    method: 'PUT', headers: ['X-One', '1', 'X-Two', '2'],
    createConnection: connector((head, s, rest) => {
      console.log(JSON.stringify(head));
      setImmediate(() => { console.log(JSON.stringify(rest())); s.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'); });
    }),
  }, (res) => res.resume());
  req.on('close', done);
  req.end('payload');
});

test('HEAD and 204 have no body; 304 neither', (done) => {
  let n = 0;
  const finish = () => { if (++n === 3) done(); };
  for (const [method, status] of [['HEAD', 200], ['GET', 204], ['GET', 304]]) {
    http.request({
      method,
      createConnection: connector((head, s) => s.end(`HTTP/1.1 ${status} X\r\nContent-Length: 10\r\n\r\n`)),
    }, (res) => {
      res.on('data', () => console.log('unexpected data'));
      res.on('end', () => { console.log(method, res.statusCode, res.headers['content-length'], res.complete); finish(); });
    }).end();
  }
});

test('1xx: information and continue before the response', (done) => {
  const req = http.request({
    method: 'POST', headers: { Expect: '100-continue' },
    createConnection: connector((head, s, rest) => {
      console.log(JSON.stringify(head));
      if (!head.startsWith('POST')) return;
      s.write('HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n');
      setTimeout(() => {
        console.log('body after continue:', JSON.stringify(rest()));
        s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      }, 20);
    }),
  }, (res) => {
    res.resume();
    res.on('end', () => console.log('final', res.statusCode));
  });
  req.on('information', (info) => console.log('information', info.statusCode, info.statusMessage, info.headers));
  req.on('continue', () => { console.log('continue'); req.end('data'); });
  req.on('close', done);
});

test('upgrade hands over the socket with the bytes after the head', (done) => {
  const req = http.request({
    headers: { Connection: 'Upgrade', Upgrade: 'demo' },
    createConnection: connector((head, s) => {
      s.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: demo\r\n\r\nfirst bytes');
      s.on('data', (d) => { console.log('server got', d.toString()); s.end(); });
    }),
  });
  req.on('response', () => console.log('unexpected response'));
  req.on('upgrade', (res, socket, head) => {
    console.log('upgrade', res.statusCode, res.headers.upgrade, head.toString());
    socket.write('ping');
    socket.on('end', () => { console.log('upgraded socket ended'); done(); });
    socket.resume();
  });
  req.end();
});

test('parse errors', (done) => {
  const cases = [
    'HTTP/1.1 200 OK\r\nFoo: Bar\rContent-Length: 1\r\n\r\n',
    'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx',
    'HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n',
    'HTTP/1.1 200 OK\r\nBad Header: 1\r\n\r\n',
    'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    'HTTZ/1.1 200 OK\r\n\r\n',
    'HTTP/1.1 2000 OK\r\n\r\n',
  ];
  const next = () => {
    const text = cases.shift();
    if (text === undefined) { done(); return; }
    const req = http.get({ createConnection: connector((head, s) => s.write(text)) }, () => console.log('unexpected response'));
    req.on('error', (err) => {
      console.log(err.code, err.message.startsWith('Parse Error: '), err.rawPacket.length === Buffer.byteLength(text), typeof err.bytesParsed);
      next();
    });
  };
  next();
});

test('insecureHTTPParser accepts what strict mode rejects', (done) => {
  const req = http.get({
    insecureHTTPParser: true,
    createConnection: connector((head, s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n')),
  }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('lenient body', d));
    res.on('end', done);
  });
  req.on('error', (e) => console.log('unexpected', e.code));
});

test('socket hang up', (done) => {
  const req = http.get({ createConnection: connector((head, s) => s.end()) }, () => console.log('unexpected response'));
  req.on('error', (err) => console.log('error', err.code, err.message));
  req.on('close', done);
});

test('a response cut short is aborted', (done) => {
  const req = http.get({ createConnection: connector((head, s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')) }, (res) => {
    res.on('aborted', () => console.log('aborted', res.aborted, res.complete));
    res.on('error', (err) => console.log('res error', err.code, err.message));
    res.on('close', () => { console.log('res close'); done(); });
    res.resume();
  });
});

test('abort before a socket: abort and close, no error', (done) => {
  const events = [];
  const req = http.get({ createConnection: connector(() => {}) });
  req.on('abort', () => events.push('abort'));
  req.on('error', (e) => events.push(`error ${e.message}`));
  req.on('close', () => { events.push('close'); console.log(events.join(' '), req.aborted, req.destroyed); done(); });
  req.abort();
});

test('destroy before a socket: socket hang up', (done) => {
  const req = http.get({ createConnection: connector(() => {}) });
  req.on('error', (e) => console.log('error', e.code, e.message));
  req.on('close', done);
  req.destroy();
});

test('validation', (done) => {
  const tryIt = (label, fn, codeOnly) => {
    try { fn(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.code, codeOnly ? '' : e.message); }
  };
  const cc = { createConnection: connector(() => {}) };
  tryIt('protocol', () => http.request({ ...cc, protocol: 'https:' }));
  tryIt('method', () => http.request({ ...cc, method: 'GE T' }));
  tryIt('method type', () => http.request({ ...cc, method: 1 }));
  tryIt('path', () => http.request({ ...cc, path: '/a b' }));
  tryIt('agent', () => http.request({ agent: 'x' }));
  tryIt('host', () => http.request({ ...cc, host: 1 }));
  tryIt('header name', () => http.request({ ...cc, headers: { 'a b': 1 } }));
  tryIt('header value', () => http.request({ ...cc, headers: { a: 'x\ny' } }));
  tryIt('timeout', () => http.request({ ...cc, timeout: -1 }));
  tryIt('insecureHTTPParser', () => http.request({ ...cc, insecureHTTPParser: 1 }));
  tryIt('maxHeaderSize', () => http.request({ ...cc, maxHeaderSize: -1 }));
  tryIt('validateHeaderName', () => http.validateHeaderName('x y'));
  tryIt('validateHeaderValue', () => http.validateHeaderValue('x', undefined));
  const req = http.request({ ...cc });
  req.on('error', () => {});
  req.flushHeaders();
  tryIt('setHeader after flush', () => req.setHeader('a', 'b'));
  tryIt('removeHeader after flush', () => req.removeHeader('a'));
  req.destroy();
  tryIt('scheduling', () => new http.Agent({ scheduling: 'x' }));
  tryIt('maxTotalSockets', () => new http.Agent({ maxTotalSockets: 0 }), true); // Node 20 words it differently
  done();
});

test('headers API on a request', (done) => {
  const req = http.request({ createConnection: connector(() => {}), headers: { 'X-A': 'a' } });
  req.on('error', () => {});
  req.setHeader('X-B', ['1', '2']);
  req.appendHeader('x-a', 'b');
  console.log(req.getHeader('x-a'), req.getHeaders(), req.getHeaderNames(), req.getRawHeaderNames(), req.hasHeader('X-B'));
  req.removeHeader('x-b');
  console.log(req.hasHeader('x-b'), req.headersSent, req.writableEnded, req.writableFinished);
  req.destroy();
  done();
});

test('agent names and module surface', (done) => {
  const agent = new http.Agent();
  console.log(agent.getName({}), agent.getName({ host: 'h', port: 8, localAddress: 'l', family: 6 }), agent.getName({ socketPath: '/s' }));
  console.log(agent.maxSockets, agent.maxFreeSockets, agent.maxTotalSockets, agent.keepAlive, agent.scheduling, agent.protocol, agent.defaultPort);
  console.log(http.globalAgent instanceof http.Agent, http.maxHeaderSize, http.Agent.defaultMaxSockets);
  console.log(typeof http.ClientRequest, require('_http_agent').Agent === http.Agent, require('_http_client').ClientRequest === http.ClientRequest);
  done();
});

run();
