// dns.lookup through getaddrinfo: IP literals, localhost, all/family options, argument errors,
// and the promise API.
const dns = require('dns');
dns.lookup('127.0.0.1', (err, address, family) => console.log('literal', err, address, family));
dns.lookup('::1', { all: true }, (err, list) => console.log('literal all', err, JSON.stringify(list)));
dns.lookup('localhost', { family: 4 }, (err, address, family) => console.log('localhost v4', err, address, family));
dns.lookup('', (err, address, family) => console.log('empty', err, address, family));
dns.promises.lookup('127.0.0.1', { all: true }).then((r) => console.log('promise', JSON.stringify(r)));
try { dns.lookup('localhost', { family: 5 }, () => {}); } catch (e) { console.log(e.code, e.message); }
try { dns.lookup('localhost', { hints: 1 << 12 }, () => {}); } catch (e) { console.log(e.code, e.message); }
try { dns.lookup(42, () => {}); } catch (e) { console.log(e.code, e.message); }
try { dns.lookup('localhost'); } catch (e) { console.log(e.code, e.message); }
dns.lookupService('127.0.0.1', 22, (err, host, service) => console.log('service', err, typeof host, service));
console.log(dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.NOTFOUND, dns.TIMEOUT, dns.getDefaultResultOrder());
