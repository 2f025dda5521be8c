// dgram's argument and state errors, and an unref'd bound socket not keeping the process alive.
const dgram = require('dgram');
try { dgram.createSocket('udp5'); } catch (e) { console.log(e.code, e.message); }
const s = dgram.createSocket('udp4');
try { s.send('x', 0, 1, 0, '127.0.0.1'); } catch (e) { console.log(e.code, e.message); }
try { s.send(42, 1234, '127.0.0.1'); } catch (e) { console.log(e.code, e.message); }
try { s.disconnect(); } catch (e) { console.log(e.code, e.message); }
try { s.setBroadcast(true); } catch (e) { console.log(e.code, e.message, e.syscall); }
try { s.getRecvBufferSize(); } catch (e) { console.log(e.code, e.message); }
s.bind(0, () => {
  try { s.bind(0); } catch (e) { console.log(e.code, e.message); }
  s.setBroadcast(true);
  console.log('ttl', s.setTTL(64), 'mttl', s.setMulticastTTL(2), 'loop', s.setMulticastLoopback(true));
  s.setRecvBufferSize(65536);
  console.log('recv buffer at least 64K', s.getRecvBufferSize() >= 65536);
  s.unref();
  const t = setTimeout(() => console.log('not reached'), 100000);
  t.unref();
});
process.on('exit', () => console.log('exit'));
