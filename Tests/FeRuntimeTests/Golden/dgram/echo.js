// Two UDP sockets on loopback: bind to port 0, send (string, buffer list, offset/length),
// 'message' with rinfo, connected sends, close.
const dgram = require('dgram');
const server = dgram.createSocket('udp4');
const got = [];
server.on('message', (msg, rinfo) => {
  got.push(`${msg} ${rinfo.address} ${rinfo.family} ${rinfo.size} ${typeof rinfo.port}`);
  server.send(msg.toString().toUpperCase(), rinfo.port, rinfo.address);
});
server.on('listening', () => {
  const { address, family, port } = server.address();
  console.log('listening', address, family, port > 0);
  const client = dgram.createSocket({ type: 'udp4' });
  let replies = 0;
  client.on('message', (msg) => {
    console.log('reply', String(msg));
    if (++replies === 3) {
      client.connect(port, '127.0.0.1', () => {
        console.log('connected to server', client.remoteAddress().port === port);
        client.send('connected', (err, bytes) => console.log('sent connected', err, bytes));
        client.once('message', (m) => {
          console.log('reply', String(m));
          client.disconnect();
          try { client.remoteAddress(); } catch (e) { console.log(e.code); }
          client.close(() => server.close(() => console.log(got.join('\n'))));
        });
      });
    }
  });
  client.send('one', port, '127.0.0.1', (err, bytes) => {
    console.log('sent one', err, bytes);
    client.send(['t', Buffer.from('w'), 'o'], port, '127.0.0.1', () => {
      client.send(Buffer.from('xthreex'), 1, 5, port, '127.0.0.1');
    });
  });
});
server.bind(0, '127.0.0.1');
