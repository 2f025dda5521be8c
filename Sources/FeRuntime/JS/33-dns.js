// dns and dns/promises: lookup and lookupService through getaddrinfo/getnameinfo on the
// worker pool (Sockets/DnsOps.swift), as Node's do; resolve*, reverse and Resolver through a
// DNS stub resolver that queries the configured servers itself (Sockets/DnsResolver.swift).
// Uses from earlier files: 00-core.js (traceOn); 02-errors.js (nodeError, invalidArgType, validateFunction, validateBoolean, outOfRange, invalidArgValue, missingArgs); 03-loop.js (nextTick, opAsync); 05-process.js (process); 08-fs.js (validateInt32, then, fs); 10-builtins.js (util, registerBuiltin, requireBuiltin); 15-streams.js (uncaughtIn); 32-net.js (validateSocketPort, isIP).
const dnsModule = (() => {
  const ADDRCONFIG = 32, V4MAPPED = 8, ALL = 16;
  const codes = {
    NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND', NOTIMP: 'ENOTIMP',
    REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME', BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP',
    CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
    DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
    NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
    CANCELLED: 'ECANCELLED',
  };
  let defaultResultOrder = 'verbatim';

  function validateString(value, name) { if (typeof value !== 'string') throw invalidArgType(name, 'string', value); }
  function validateNumber(value, name) { if (typeof value !== 'number') throw invalidArgType(name, 'number', value); }
  function validateOneOf(value, name, oneOf) {
    if (!oneOf.includes(value)) {
      throw invalidArgValue(name, value, `must be one of: ${oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}`);
    }
  }
  function validateHints(hints) {
    if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) throw invalidArgValue('hints', hints);
  }

  // Node's dnsException: "getaddrinfo ENOTFOUND example.invalid".
  function dnsException(code, errno, syscall, hostname) {
    const e = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    // Resolver failures carry no errno (Node sets the property to undefined).
    e.errno = errno;
    e.code = code;
    e.syscall = syscall;
    if (hostname) e.hostname = hostname;
    return e;
  }

  // Node's dnsException (internal/errors): `code` a libuv error number (EAI_NODATA and
  // EAI_NONAME are ENOTFOUND) or a c-ares code name.
  function nodeDnsException(code, syscall, hostname) {
    let errno;
    if (typeof code === 'number') {
      errno = code;
      code = code === -3007 || code === -3008 ? 'ENOTFOUND' : util.getSystemErrorName(code);
    }
    return dnsException(code, errno, syscall, hostname);
  }
  let invalidHostnameWarningEmitted = false;
  function emitInvalidHostnameWarning(hostname) {
    if (invalidHostnameWarningEmitted) return;
    invalidHostnameWarningEmitted = true;
    process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns ` +
      'module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
  }

  // Node's internal binding cares_wrap, which the dns functions call through (so a program may
  // stand in for it, as Node's tests do): a request object whose oncomplete(err, ...) settles it;
  // a nonzero return is an error at once. getaddrinfo/getnameinfo run on the worker pool
  // (Sockets/DnsOps.swift); a ChannelWrap's queries go to fe's stub resolver.
  const kTraceDnsCategory = 'node,node.dns,node.dns.native';
  class GetAddrInfoReqWrap {}
  class GetNameInfoReqWrap {}
  class QueryReqWrap {}
  const cares = {
    GetAddrInfoReqWrap, GetNameInfoReqWrap, QueryReqWrap,
    AI_ADDRCONFIG: ADDRCONFIG, AI_ALL: ALL, AI_V4MAPPED: V4MAPPED,
    // (req, hostname, family, hints, verbatim) -> 0; req.oncomplete(err, [address...]).
    getaddrinfo(req, hostname, family, hints, verbatim) {
      // Node's GetAddrInfo and AfterGetAddrInfo trace the request (node.dns.native).
      const traceId = traceOn.dns ? ++traceOn.lastId : 0;
      if (traceId) {
        traceOn.emit('b', kTraceDnsCategory, 'lookup', traceId,
          { hostname, family: family === 4 ? 'ipv4' : family === 6 ? 'ipv6' : 'unspec' });
      }
      opAsync(ops.op_dns_lookup, hostname, family, hints).then(uncaughtIn((r) => {
        if (traceId) traceOn.emit?.('e', kTraceDnsCategory, 'lookup', traceId, { count: Array.isArray(r) ? r.length : 0, verbatim: !!verbatim });
        if (!Array.isArray(r)) { req.oncomplete(r.error[1] ?? r.error[0]); return; }
        let list = r;
        if (!verbatim) list = [...r.filter((a) => a[1] === 4), ...r.filter((a) => a[1] === 6)];
        req.oncomplete(0, list.map(([address]) => address));
      }));
      return 0;
    },
    // (req, address, port) -> 0; req.oncomplete(err, hostname, service).
    getnameinfo(req, address, port) {
      const traceId = traceOn.dns ? ++traceOn.lastId : 0;
      if (traceId) traceOn.emit('b', kTraceDnsCategory, 'lookupService', traceId, { ip: address, port });
      opAsync(ops.op_dns_lookup_service, address, port).then(uncaughtIn((r) => {
        if (traceId) traceOn.emit?.('e', kTraceDnsCategory, 'lookupService', traceId, Array.isArray(r) ? { hostname: r[0], service: r[1] } : undefined);
        if (!Array.isArray(r)) { req.oncomplete(r.error[1] ?? r.error[0]); return; }
        req.oncomplete(0, r[0], r[1]);
      }));
      return 0;
    },
  };

  // The arguments of lookup(hostname[, options], callback), checked as Node checks them.
  function lookupArgs(hostname, options, callback, promise) {
    let hints = 0, family = 0, all = false, verbatim = defaultResultOrder === 'verbatim';
    if (hostname) validateString(hostname, 'hostname');
    if (!promise && typeof options === 'function') {
      callback = options;
    } else if (typeof options === 'number') {
      if (!promise) validateFunction(callback, 'callback');
      validateOneOf(options, 'family', [0, 4, 6]);
      family = options;
    } else if (options !== undefined && typeof options !== 'object') {
      if (!promise) validateFunction(callback === undefined ? options : callback, 'callback');
      throw invalidArgType('options', ['integer', 'object'], options);
    } else {
      if (!promise) validateFunction(callback, 'callback');
      if (options != null && options.hints != null) {
        validateNumber(options.hints, 'options.hints');
        hints = options.hints >>> 0;
        validateHints(hints);
      }
      if (options != null && options.family != null) {
        // The callback API also takes the names (Node's dns.lookup); the promise API does not.
        if (!promise && options.family === 'IPv4') family = 4;
        else if (!promise && options.family === 'IPv6') family = 6;
        else {
          validateOneOf(options.family, 'options.family', [0, 4, 6]);
          family = options.family;
        }
      }
      if (options != null && options.all != null) { validateBoolean(options.all, 'options.all'); all = options.all; }
      if (options != null && options.verbatim != null) { validateBoolean(options.verbatim, 'options.verbatim'); verbatim = options.verbatim; }
    }
    return { hints, family, all, verbatim, callback };
  }

  // 'dns' performance entries (Node's startPerf/stopPerf), while someone observes them.
  const kPerfLookup = Symbol('kPerfHooksDnsLookupContext');
  const kPerfLookupService = Symbol('kPerfHooksDnsLookupServiceContext');
  const kPerfResolve = Symbol('kPerfHooksDnsLookupResolveContext');
  const perfObserve = () => (nodeLib.loaded('internal/perf/observe') ? nodeLib.load('internal/perf/observe') : null);
  function startPerf(req, key, name, detail) {
    const observe = perfObserve();
    if (observe !== null && observe.hasObserver('dns')) observe.startPerf(req, key, { type: 'dns', name, detail });
  }
  function stopPerf(req, key, detail) {
    const observe = perfObserve();
    if (req[key] && observe !== null && observe.hasObserver('dns')) observe.stopPerf(req, key, { detail });
  }
  // Node's onlookup/onlookupall (dns.js and internal/dns/promises.js): `this` is the request.
  function onlookup(err, addresses) {
    if (err) return this.callback(nodeDnsException(err, 'getaddrinfo', this.hostname));
    this.callback(null, addresses[0], this.family || isIP(addresses[0]));
    stopPerf(this, kPerfLookup, { addresses });
  }
  function onlookupall(err, addresses) {
    if (err) return this.callback(nodeDnsException(err, 'getaddrinfo', this.hostname));
    const family = this.family;
    for (let i = 0; i < addresses.length; i++) {
      const addr = addresses[i];
      addresses[i] = { address: addr, family: family || isIP(addr) };
    }
    this.callback(null, addresses);
    stopPerf(this, kPerfLookup, { addresses });
  }
  function onlookupPromise(err, addresses) {
    if (err) { this.reject(nodeDnsException(err, 'getaddrinfo', this.hostname)); return; }
    this.resolve({ address: addresses[0], family: this.family || isIP(addresses[0]) });
    stopPerf(this, kPerfLookup, { addresses });
  }
  function onlookupallPromise(err, addresses) {
    if (err) { this.reject(nodeDnsException(err, 'getaddrinfo', this.hostname)); return; }
    const family = this.family;
    for (let i = 0; i < addresses.length; i++) {
      const addr = addresses[i];
      addresses[i] = { address: addr, family: family || isIP(addr) };
    }
    this.resolve(addresses);
    stopPerf(this, kPerfLookup, { addresses });
  }
  const domainToASCII = (name) => {
    try { return /^[\x00-\x7f]*$/.test(name) ? name : requireBuiltin('url').domainToASCII(name) || name; } catch { return name; }
  };

  function lookup(hostname, options, callback) {
    const a = lookupArgs(hostname, options, callback, false);
    callback = a.callback;
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      if (a.all) nextTick(callback, null, []);
      else nextTick(callback, null, null, a.family === 6 ? 6 : 4);
      return {};
    }
    const matched = isIP(hostname);
    if (matched) {
      if (a.all) nextTick(callback, null, [{ address: hostname, family: matched }]);
      else nextTick(callback, null, hostname, matched);
      return {};
    }
    const req = new GetAddrInfoReqWrap();
    req.callback = callback;
    req.family = a.family;
    req.hostname = hostname;
    req.oncomplete = a.all ? onlookupall : onlookup;
    const err = cares.getaddrinfo(req, domainToASCII(hostname), a.family, a.hints, a.verbatim);
    if (err) {
      nextTick(callback, nodeDnsException(err, 'getaddrinfo', hostname));
      return {};
    }
    startPerf(req, kPerfLookup, 'lookup', { hostname, family: a.family, hints: a.hints, verbatim: a.verbatim });
    return req;
  }
  function lookupPromise(hostname, options) {
    const a = lookupArgs(hostname, options, undefined, true);
    return new Promise((resolve, reject) => {
      if (!hostname) {
        emitInvalidHostnameWarning(hostname);
        resolve(a.all ? [] : { address: null, family: a.family === 6 ? 6 : 4 });
        return;
      }
      const matched = isIP(hostname);
      if (matched) {
        resolve(a.all ? [{ address: hostname, family: matched }] : { address: hostname, family: matched });
        return;
      }
      const req = new GetAddrInfoReqWrap();
      req.family = a.family;
      req.hostname = hostname;
      req.oncomplete = a.all ? onlookupallPromise : onlookupPromise;
      req.resolve = resolve;
      req.reject = reject;
      const err = cares.getaddrinfo(req, domainToASCII(hostname), a.family, a.hints, a.verbatim);
      if (err) reject(nodeDnsException(err, 'getaddrinfo', hostname));
      else startPerf(req, kPerfLookup, 'lookup', { hostname, family: a.family, hints: a.hints, verbatim: a.verbatim });
    });
  }
  Object.defineProperty(lookup, util.promisify.custom, { value: lookupPromise, enumerable: false });

  function lookupServiceArgs(args, promise) {
    const [address, port, callback] = args;
    if (args.length < (promise ? 2 : 3)) throw missingArgs('address', 'port', ...(promise ? [] : ['callback']));
    validateString(address, 'address');
    if (isIP(address) === 0) throw invalidArgValue('address', address);
    validateSocketPort(port);
    if (!promise) validateFunction(callback, 'callback');
    return [address, +port, callback];
  }
  function lookupServicePromise(...args) {
    const [address, port] = lookupServiceArgs(args, true);
    return new Promise((resolve, reject) => {
      const req = new GetNameInfoReqWrap();
      req.hostname = address;
      req.port = port;
      // (Node's promise API names the request's `host` here, which it never sets.)
      req.oncomplete = function (err, hostname, service) {
        if (err) {
          reject(nodeDnsException(err, 'getnameinfo', this.host));
          return;
        }
        resolve({ hostname, service });
        stopPerf(this, kPerfLookupService, { hostname, service });
      };
      const err = cares.getnameinfo(req, address, port);
      if (err) reject(nodeDnsException(err, 'getnameinfo', address));
      else startPerf(req, kPerfLookupService, 'lookupService', { host: address, port });
    });
  }
  function lookupService(...args) {
    const [address, port, callback] = lookupServiceArgs(args, false);
    const req = new GetNameInfoReqWrap();
    req.callback = callback;
    req.hostname = address;
    req.port = port;
    req.oncomplete = function (err, hostname, service) {
      if (err) return callback(nodeDnsException(err, 'getnameinfo', address));
      callback(null, hostname, service);
      stopPerf(this, kPerfLookupService, { hostname, service });
    };
    const err = cares.getnameinfo(req, address, port);
    if (err) throw nodeDnsException(err, 'getnameinfo', address);
    startPerf(req, kPerfLookupService, 'lookupService', { host: address, port });
    return req;
  }
  Object.defineProperty(lookupService, util.promisify.custom, { value: lookupServicePromise, enumerable: false });

  function setDefaultResultOrder(order) {
    validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first']);
    defaultResultOrder = order;
  }
  const getDefaultResultOrder = () => defaultResultOrder;

  // ---------------------------------------------------------------------------------------------
  // resolve*, reverse and Resolver: queries through op_dns_query (a stub resolver in Swift).
  const bindingNames = {
    resolveAny: ['queryAny', 'ANY'], resolve4: ['queryA', 'A'], resolve6: ['queryAaaa', 'AAAA'], resolveCaa: ['queryCaa', 'CAA'],
    resolveCname: ['queryCname', 'CNAME'], resolveMx: ['queryMx', 'MX'], resolveNs: ['queryNs', 'NS'], resolveTxt: ['queryTxt', 'TXT'],
    resolveSrv: ['querySrv', 'SRV'], resolvePtr: ['queryPtr', 'PTR'], resolveNaptr: ['queryNaptr', 'NAPTR'], resolveSoa: ['querySoa', 'SOA'],
  };
  const rrtypeMethods = {
    __proto__: null,
    A: 'resolve4', AAAA: 'resolve6', ANY: 'resolveAny', CAA: 'resolveCaa', CNAME: 'resolveCname', MX: 'resolveMx', NAPTR: 'resolveNaptr',
    NS: 'resolveNs', PTR: 'resolvePtr', SOA: 'resolveSoa', SRV: 'resolveSrv', TXT: 'resolveTxt',
  };
  // A record from Swift ([type, ttl, fields...]) in the shape Node gives it; `any` adds the type.
  function shapeRecord(rec, ttl, any) {
    const [type, recTtl, ...f] = rec;
    let out;
    switch (type) {
      case 'A': case 'AAAA': out = ttl || any ? { address: f[0], ttl: recTtl } : f[0]; break;
      case 'CNAME': case 'NS': case 'PTR': out = any ? { value: f[0] } : f[0]; break;
      case 'MX': out = { exchange: f[1], priority: f[0] }; break;
      case 'TXT': out = any ? { entries: f[0] } : f[0]; break;
      case 'SRV': out = { name: f[3], port: f[2], priority: f[0], weight: f[1] }; break;
      case 'SOA': out = { nsname: f[0], hostmaster: f[1], serial: f[2], refresh: f[3], retry: f[4], expire: f[5], minttl: f[6] }; break;
      case 'NAPTR': out = { flags: f[2], service: f[3], regexp: f[4], replacement: f[5], order: f[0], preference: f[1] }; break;
      case 'CAA': out = { critical: f[0], [f[1]]: f[2] }; break;
    }
    if (any) out.type = type;
    return out;
  }
  // The in-addr.arpa / ip6.arpa name to ask for PTR records of an address.
  function reverseName(ip) {
    const v = isIP(ip);
    if (v === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
    const [head, tail = ''] = ip.split('%')[0].split('::');
    const expand = (s) => (s ? s.split(':') : []);
    const h = expand(head), t = expand(tail);
    const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
    return `${groups.map((g) => g.padStart(4, '0')).join('').split('').reverse().join('.')}.ip6.arpa`;
  }
  // The names on the first /etc/hosts line for `ip` (null when there is none).
  function hostsFileNames(ip) {
    let text;
    try { text = requireBuiltin('fs').readFileSync('/etc/hosts', 'latin1'); } catch { return null; }
    const want = reverseName(ip);
    for (const raw of text.split('\n')) {
      const fields = raw.replace(/#.*/, '').trim().split(/[ \t]+/);
      if (fields.length < 2 || isIP(fields[0]) !== isIP(ip)) continue;
      if (reverseName(fields[0]) === want) return fields.slice(1);
    }
    return null;
  }
  function validateInt32(value, name, min) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > 2147483647) throw outOfRange(name, `>= ${min} && <= 2147483647`, value);
  }

  // A resolver's channel (Node's ChannelWrap over c-ares): its servers (null: the system's),
  // timeout, tries, local addresses and pending queries.
  class ChannelHandle {
    constructor(timeout, tries) {
      this.servers = null;
      this.timeout = timeout;
      this.tries = tries;
      this.pending = new Set();
    }
    getServers() { return this.servers || ops.op_dns_system_servers().map((ip) => [ip, 53]); }
    // 0, or c-ares' message: servers cannot change under pending queries.
    setServers(set) {
      if (this.pending.size > 0) return 'There are pending queries.';
      this.servers = set;
      return 0;
    }
    // Node's SetLocalAddress: an IPv4 and an IPv6 address, in either order, at most one of each.
    setLocalAddress(ip0, ip1) {
      const type0 = isIP(ip0);
      if (type0 === 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid IP address.');
      let type1 = 0;
      if (ip1 !== undefined) {
        type1 = isIP(ip1);
        if (type1 === 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid IP address.');
        if (type0 === type1) {
          throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `Cannot specify two IPv${type0} addresses.`);
        }
      }
      this.local = type0 === 4 ? [ip0, ip1] : [ip1, ip0];
    }
    // Every pending query ends with ECANCELLED.
    cancel() {
      const reqs = [...this.pending];
      this.pending.clear();
      for (const req of reqs) req.oncomplete('ECANCELLED');
    }
    // One query of `type` for `name`: req.oncomplete(err, records) with Node-shaped records.
    query(req, type, name, ttl) {
      this.pending.add(req);
      const servers = this.servers ? this.servers.filter(([ip]) => isIP(ip)) : null;
      opAsync(ops.op_dns_query, name, type, servers, this.timeout, this.tries).then(uncaughtIn((r) => {
        if (!this.pending.has(req)) return;
        this.pending.delete(req);
        if (!Array.isArray(r)) req.oncomplete(r.error);
        else if (type === 'SOA') req.oncomplete(0, shapeRecord(r[0], ttl, false));
        else req.oncomplete(0, r.map((rec) => shapeRecord(rec, ttl, type === 'ANY')));
      }));
      return 0;
    }
    // The names of an address: as c-ares's gethostbyaddr (lookups "fb"), the first line of
    // /etc/hosts with that address, else PTR records.
    getHostByAddr(req, ip) {
      const names = hostsFileNames(ip);
      if (names === null) return this.query(req, 'PTR', reverseName(ip), false);
      this.pending.add(req);
      Promise.resolve().then(uncaughtIn(() => {
        if (!this.pending.has(req)) return;
        this.pending.delete(req);
        req.oncomplete(0, names);
      }));
      return 0;
    }
  }
  for (const [bindingName, type] of Object.values(bindingNames)) {
    ChannelHandle.prototype[bindingName] = function (req, name, ttl) { return this.query(req, type, name, ttl); };
  }
  cares.ChannelWrap = ChannelHandle;
  // cares_wrap's canonicalizeIP: an address as libuv's inet_pton then inet_ntop write it
  // (undefined for what is no address), which checkServerIdentity compares certificates' IPs by.
  function canonicalizeIP(ip) {
    ip = `${ip}`;
    if (isIP(ip) === 4) return ip;
    if (isIP(ip) !== 6) return undefined;
    let s = ip.toLowerCase().replace(/%.*$/, '');
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (v4) {
      const p = v4[1].split('.').map(Number);
      s = s.slice(0, -v4[1].length) + [((p[0] << 8) | p[1]).toString(16), ((p[2] << 8) | p[3]).toString(16)].join(':');
    }
    const [head, rest] = s.includes('::') ? s.split('::') : [s, undefined];
    const a = head ? head.split(':') : [];
    const b = rest !== undefined ? (rest ? rest.split(':') : []) : [];
    const groups = rest !== undefined ? [...a, ...new Array(8 - a.length - b.length).fill('0'), ...b] : a;
    const words = groups.map((g) => parseInt(g, 16));
    // The longest run of two or more zero words (the first of equals) becomes '::'.
    let bestStart = -1, bestLen = 0;
    for (let i = 0; i < 8;) {
      if (words[i] !== 0) { i++; continue; }
      let j = i;
      while (j < 8 && words[j] === 0) j++;
      if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
      i = j;
    }
    // An encapsulated IPv4 address keeps its dotted tail (inet_ntop6's rule).
    if (bestStart === 0 && (bestLen === 6 || (bestLen === 7 && words[7] !== 1) || (bestLen === 5 && words[5] === 0xffff))) {
      const dotted = `${words[6] >> 8}.${words[6] & 255}.${words[7] >> 8}.${words[7] & 255}`;
      return bestLen === 5 ? `::ffff:${dotted}` : `::${dotted}`;
    }
    const hex = words.map((w) => w.toString(16));
    if (bestStart < 0) return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
  }
  cares.canonicalizeIP = canonicalizeIP;
  class ResolverBase {
    constructor(options = undefined) {
      let timeout = -1, tries = 4;
      if (options != null) {
        if (options.timeout !== undefined) { validateInt32(options.timeout, 'options.timeout', -1); timeout = options.timeout; }
        if (options.tries !== undefined) { validateInt32(options.tries, 'options.tries', 1); tries = options.tries; }
      }
      this._handle = new ChannelHandle(timeout, tries);
    }
    cancel() {
      this._handle.cancel();
    }
    getServers() {
      return (this._handle.getServers() || []).map(([ip, port]) =>
        (!port || port === 53 ? ip : `${isIP(ip) === 6 ? `[${ip}]` : ip}:${port}`));
    }
    setServers(servers) {
      if (!Array.isArray(servers)) throw invalidArgType('servers', 'Array', servers);
      // forEach, as Node's: holes in the array are skipped.
      const set = [];
      servers.forEach((serv, index) => {
        validateString(serv, `servers[${index}]`);
        if (isIP(serv)) { set.push([serv, 53]); return; }
        const bracketed = /^\[([^[\]]*)\]/.exec(serv);
        if (bracketed && isIP(bracketed[1])) {
          set.push([bracketed[1], parseInt(serv.replace(/(^.+?)(?::(\d+))?$/, '$2'), 10) || 53]);
          return;
        }
        const split = /(^.+?)(?::(\d+))?$/.exec(serv);
        if (split && isIP(split[1])) { set.push([split[1], parseInt(split[2] || 53, 10)]); return; }
        throw nodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${serv}`);
      });
      const error = this._handle.setServers(set);
      if (error !== 0) {
        throw nodeError(Error, 'ERR_DNS_SET_SERVERS_FAILED', `c-ares failed to set servers: "${error}" [${servers}]`);
      }
    }
    setLocalAddress(ipv4, ipv6) {
      validateString(ipv4, 'ipv4');
      if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
      this._handle.setLocalAddress(ipv4, ipv6);
    }
    // One query through the channel's binding method (Node's resolver()): settles with
    // Node-shaped records or a Node error; a binding's immediate error is thrown.
    _query(bindingName, name, ttl) {
      let resolve, reject;
      const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
      const req = new QueryReqWrap();
      req.bindingName = bindingName;
      req.hostname = name;
      req.ttl = ttl;
      req.oncomplete = function (err, records) {
        if (err) {
          reject(nodeDnsException(err, bindingName, name));
          return;
        }
        resolve(records);
        stopPerf(this, kPerfResolve, { result: records });
      };
      const err = this._handle[bindingName](req, bindingName === 'getHostByAddr' ? name : domainToASCII(name), ttl);
      if (err) throw nodeDnsException(err, bindingName, name);
      startPerf(req, kPerfResolve, bindingName, { host: name, ttl });
      return promise;
    }
  }
  // The callback API (dns.Resolver) and the promise API (dns.promises.Resolver) over one query.
  class Resolver extends ResolverBase {}
  class PromiseResolver extends ResolverBase {}
  for (const [method, [syscall]] of Object.entries(bindingNames)) {
    Resolver.prototype[method] = function (name, options, callback) {
      if (arguments.length <= 2) { callback = options; options = undefined; }
      validateString(name, 'name');
      validateFunction(callback, 'callback');
      this._query(syscall, name, !!(options && options.ttl)).then(
        uncaughtIn((records) => callback(null, records)), uncaughtIn((err) => callback(err)));
      return {};
    };
    PromiseResolver.prototype[method] = function (name, options) {
      validateString(name, 'name');
      try {
        return this._query(syscall, name, !!(options && options.ttl));
      } catch (e) {
        return Promise.reject(e);
      }
    };
  }
  function pickResolver(rrtype, callbackStyle) {
    if (typeof rrtype !== 'string') throw invalidArgType('rrtype', 'string', rrtype);
    const method = rrtypeMethods[rrtype];
    if (!method) throw invalidArgValue('rrtype', rrtype);
    return method;
  }
  Resolver.prototype.resolve = function (hostname, rrtype, callback) {
    if (typeof rrtype === 'function') { callback = rrtype; rrtype = 'A'; }
    return this[pickResolver(rrtype, true)](hostname, callback);
  };
  PromiseResolver.prototype.resolve = function (hostname, rrtype) {
    return this[pickResolver(rrtype === undefined ? 'A' : rrtype, false)](hostname);
  };
  function reverseArgs(ip) {
    validateString(ip, 'ip');
    if (!isIP(ip)) {
      const e = dnsException('EINVAL', -22, 'getHostByAddr', ip);
      e.message = `getHostByAddr EINVAL ${ip}`;
      throw e;
    }
  }
  Resolver.prototype.reverse = function (ip, callback) {
    reverseArgs(ip);
    validateFunction(callback, 'callback');
    this._query('getHostByAddr', ip, false).then(
      uncaughtIn((records) => callback(null, records)), uncaughtIn((err) => callback(err)));
    return {};
  };
  PromiseResolver.prototype.reverse = function (ip) {
    reverseArgs(ip);
    try {
      return this._query('getHostByAddr', ip, false);
    } catch (e) {
      return Promise.reject(e);
    }
  };

  // The module-level functions share one resolver per API, as Node's do; setServers on either
  // module sets the servers of both.
  const defaultResolver = new Resolver();
  const defaultPromiseResolver = new PromiseResolver();
  defaultPromiseResolver._handle = defaultResolver._handle;
  const callbackMethods = {}, promiseMethods = {};
  // Node's defaultResolverSetServers: a new resolver with those servers becomes the default of
  // both APIs (so queries already pending on the old one do not stand in the way).
  function setDefaultServers(servers) {
    const resolver = new Resolver();
    resolver.setServers(servers);
    defaultResolver._handle = resolver._handle;
    defaultPromiseResolver._handle = resolver._handle;
  }
  callbackMethods.setServers = function setServers(servers) { setDefaultServers(servers); };
  promiseMethods.setServers = function setServers(servers) { setDefaultServers(servers); };
  for (const method of [...Object.keys(bindingNames), 'resolve', 'reverse', 'getServers']) {
    callbackMethods[method] = { [method]: (...args) => defaultResolver[method](...args) }[method];
    promiseMethods[method] = { [method]: (...args) => defaultPromiseResolver[method](...args) }[method];
  }

  const promises = {
    lookup: lookupPromise, lookupService: lookupServicePromise, Resolver: PromiseResolver, getDefaultResultOrder,
    setDefaultResultOrder, ...promiseMethods, ...codes,
  };
  const dns = {
    lookup, lookupService, Resolver, getDefaultResultOrder, setDefaultResultOrder, ADDRCONFIG, ALL, V4MAPPED, ...callbackMethods,
    ...codes,
  };
  dns.promises = promises;
  return { dns, promises, cares, dnsException, nodeDnsException, validateString, validateFunction, validateOneOf, codes };
})();
registerBuiltin('dns', dnsModule.dns);
registerBuiltin('dns/promises', dnsModule.promises);
