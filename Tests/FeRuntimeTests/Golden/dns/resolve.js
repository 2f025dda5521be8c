// dns.Resolver against a DNS server made with dgram on loopback: A (with ttl), AAAA, MX, TXT,
// SRV, SOA, CNAME, reverse, NXDOMAIN, NODATA, setServers/getServers and the promise API.
const dgram = require('dgram');
const dns = require('dns');

function name(labels) {
  const parts = [];
  for (const l of labels.split('.')) { parts.push(Buffer.from([l.length]), Buffer.from(l)); }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}
function u16(n) { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; }
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; }
function rr(type, ttl, data) { return Buffer.concat([Buffer.from([0xc0, 12]), u16(type), u16(1), u32(ttl), u16(data.length), data]); }
const zone = {
  'a.test': { 1: [rr(1, 300, Buffer.from([10, 0, 0, 1])), rr(1, 60, Buffer.from([10, 0, 0, 2]))] },
  'six.test': { 28: [rr(28, 30, Buffer.from('20010db8000000000000000000000001', 'hex'))] },
  'mail.test': { 15: [rr(15, 10, Buffer.concat([u16(5), name('mx.mail.test')]))] },
  'txt.test': { 16: [rr(16, 10, Buffer.from('\x05hello\x05world'))] },
  'srv.test': { 33: [rr(33, 10, Buffer.concat([u16(1), u16(2), u16(8080), name('host.test')]))] },
  'soa.test': { 6: [rr(6, 10, Buffer.concat([name('ns.test'), name('admin.test'), u32(7), u32(3600), u32(600), u32(86400), u32(60)]))] },
  'alias.test': { 5: [rr(5, 10, name('a.test'))] },
  '7.8.9.10.in-addr.arpa': { 12: [rr(12, 10, name('loop.test'))] },
};
const server = dgram.createSocket('udp4', (msg, rinfo) => {
  let at = 12;
  const labels = [];
  while (msg[at]) { labels.push(msg.toString('latin1', at + 1, at + 1 + msg[at])); at += msg[at] + 1; }
  const qname = labels.join('.');
  const qtype = msg.readUInt16BE(at + 1);
  const question = msg.subarray(12, at + 5);
  const entry = zone[qname];
  const answers = entry ? entry[qtype] || [] : [];
  const flags = entry ? 0x8180 : 0x8183;
  const head = Buffer.concat([msg.subarray(0, 2), u16(flags), u16(1), u16(answers.length), u16(0), u16(0)]);
  server.send(Buffer.concat([head, question, ...answers]), rinfo.port, rinfo.address);
});
server.bind(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const r = new dns.Resolver({ timeout: 1000, tries: 1 });
  r.setServers([`127.0.0.1:${port}`]);
  console.log('servers', r.getServers()[0] === `127.0.0.1:${port}`);
  const p = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
  p.setServers(r.getServers());
  const show = (label) => (v) => console.log(label, JSON.stringify(v));
  const fail = (label) => (e) => console.log(label, e.code, e.syscall, e.hostname, e.message);
  await p.resolve4('a.test').then(show('A'));
  await p.resolve4('a.test', { ttl: true }).then(show('A ttl'));
  await p.resolve6('six.test').then(show('AAAA'));
  await p.resolveMx('mail.test').then(show('MX'));
  await p.resolveTxt('txt.test').then(show('TXT'));
  await p.resolveSrv('srv.test').then(show('SRV'));
  await p.resolveSoa('soa.test').then(show('SOA'));
  await p.resolveCname('alias.test').then(show('CNAME'));
  await p.resolve('a.test', 'A').then(show('resolve A'));
  await p.reverse('10.9.8.7').then(show('reverse'));
  await p.resolve4('missing.test').catch(fail('NXDOMAIN'));
  await p.resolveMx('a.test').catch(fail('NODATA'));
  await new Promise((done) => r.resolve4('a.test', (err, list) => { console.log('callback', err, list); done(); }));
  try { r.resolve('a.test', 'BOGUS', () => {}); } catch (e) { console.log(e.code, e.message); }
  try { r.setServers(['not an ip']); } catch (e) { console.log(e.code, e.message); }
  const pending = p.resolve4('a.test');
  p.cancel();
  await pending.catch(fail('cancelled'));
  server.close();
});
