// Node's error shapes: ECONNREFUSED from connect, EADDRINUSE from listen, bad ports.
const net = require('net');
const first = net.createServer().listen(0, '127.0.0.1', () => {
  const { port } = first.address();
  const second = net.createServer();
  second.on('error', (e) => {
    console.log(e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall, e.address, e.port === port);
    first.close(() => {
      // Port 1 (tcpmux): nothing listens there, so the refusal does not race with other
      // programs taking the port just closed.
      const c = net.connect(1, '127.0.0.1');
      c.on('error', (err) => {
        console.log(err.message, err.code, err.errno, err.syscall, err.address, err.port);
      });
      c.on('close', (hadError) => console.log('close', hadError));
    });
  });
  second.listen(port, '127.0.0.1');
});
try { net.connect(70000); } catch (e) { console.log(e.code, e.message); }
try { net.createServer().listen({}); } catch (e) { console.log(e.code, e.message); }
try { net.connect({}); } catch (e) { console.log(e.code, e.message); }
console.log(net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('x'), net.isIPv4('1.2.3.4'), net.isIPv6('fe80::1%eth0'));
