// A TCP server and client on loopback: each side's event order, half-open end, addresses,
// byte counts. (Each side is printed on its own: their interleaving is the kernel's.)
const net = require('net');
const serverEvents = [];
const clientEvents = [];
const server = net.createServer((sock) => {
  serverEvents.push(`connection ${sock.remoteAddress === '127.0.0.1'} ${typeof sock.remotePort} ${sock.localPort === server.address().port}`);
  sock.setEncoding('utf8');
  let got = '';
  sock.on('data', (d) => { got += d; });
  sock.on('end', () => {
    serverEvents.push(`end ${got}`);
    sock.end(got.toUpperCase());
  });
  sock.on('close', (hadError) => {
    serverEvents.push(`socket close ${hadError} read=${sock.bytesRead} written=${sock.bytesWritten}`);
    server.close(() => serverEvents.push('close'));
  });
});
server.on('listening', () => serverEvents.push('listening'));
server.listen(0, '127.0.0.1', () => {
  const { address, family, port } = server.address();
  serverEvents.push(`address ${address} ${family} ${port > 0}`);
  const client = net.connect(port, '127.0.0.1');
  clientEvents.push(`pending ${client.pending} ${client.readyState} ${client.connecting}`);
  client.on('lookup', () => clientEvents.push('lookup'));
  client.on('connect', () => clientEvents.push(`connect ${client.readyState} ${client.remotePort === port} ${client.remoteFamily}`));
  client.on('ready', () => clientEvents.push('ready'));
  let reply = '';
  client.on('data', (d) => { reply += d; });
  client.on('end', () => clientEvents.push(`end ${reply}`));
  client.on('close', (hadError) => clientEvents.push(`close ${hadError} ${client.readyState} ${client.bytesRead}`));
  client.write('hello ');
  client.end('world', () => clientEvents.push('finish'));
});
process.on('exit', () => console.log(`${serverEvents.join('\n')}\n--\n${clientEvents.join('\n')}`));
