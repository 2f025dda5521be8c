// url (WHATWG URL for file: and http(s): URLs; fe provides it since V8 has none)
// Uses from earlier files: 01-inspect.js (customInspect, quote, inspect); 02-errors.js (typeError); 03-loop.js (describe); 07-path.js (path); 08-fs.js (then).
function fileURLToPath(u) {
  const url = typeof u === 'string' ? new URL(u) : u;
  if (!(url instanceof URL)) throw typeError('ERR_INVALID_ARG_TYPE', `The "path" argument must be of type string or an instance of URL. Received${describe(u)}`);
  if (url.protocol !== 'file:') throw typeError('ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '') throw typeError('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  const p = url.pathname;
  if (/%2f/i.test(p)) throw typeError('ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(p);
}
function pathToFileURL(p) {
  let resolved = path.resolve(p);
  if (p.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  // Node: '%', '\', newline, CR and tab first, then the URL path percent-encode set.
  let out = '';
  for (const ch of resolved) {
    const c = ch.codePointAt(0);
    if (ch === '%') out += '%25';
    else if (ch === '\\') out += '%5C';
    else if (c <= 0x20 || ch === '"' || ch === '#' || ch === '<' || ch === '>' || ch === '?' || ch === '`' || ch === '{' || ch === '}' || c === 0x7f || c > 0x7f) out += encodeURIComponent(ch);
    else out += ch;
  }
  return new URL(`file://${out}`);
}
const SPECIAL = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
class URLSearchParams {
  constructor(init) {
    this._list = [];
    this._url = null;
    if (init == null) return;
    if (typeof init === 'string') this._parse(init);
    else if (typeof init === 'object') {
      if (typeof init[Symbol.iterator] === 'function') for (const [k, v] of init) this._list.push([String(k), String(v)]);
      else for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
    }
  }
  _parse(s) {
    this._list = [];
    if (s.startsWith('?')) s = s.slice(1);
    for (const part of s.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const k = eq === -1 ? part : part.slice(0, eq), v = eq === -1 ? '' : part.slice(eq + 1);
      const dec = (x) => { try { return decodeURIComponent(x.replace(/\+/g, ' ')); } catch { return x; } };
      this._list.push([dec(k), dec(v)]);
    }
  }
  _update() { if (this._url) { const s = this.toString(); this._url._search = s ? `?${s}` : ''; } }
  append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
  delete(k) { this._list = this._list.filter(([x]) => x !== String(k)); this._update(); }
  get(k) { const e = this._list.find(([x]) => x === String(k)); return e ? e[1] : null; }
  getAll(k) { return this._list.filter(([x]) => x === String(k)).map(([, v]) => v); }
  has(k) { return this._list.some(([x]) => x === String(k)); }
  set(k, v) {
    k = String(k); v = String(v);
    const i = this._list.findIndex(([x]) => x === k);
    if (i === -1) this._list.push([k, v]); else { this._list[i][1] = v; this._list = this._list.filter(([x], j) => x !== k || j === i); }
    this._update();
  }
  sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._update(); }
  forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
  keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
  values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
  entries() { return this._list.map(([k, v]) => [k, v])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  get size() { return this._list.length; }
  toString() {
    const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    return this._list.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  }
  [customInspect]() { return `URLSearchParams {${this._list.length ? ' ' + this._list.map(([k, v]) => `${quote(k)} => ${quote(v)}`).join(', ') + ' ' : ''}}`; }
}
class URL {
  constructor(input, base) {
    input = String(input).trim();
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(input);
    if (!m) {
      if (base === undefined) throw invalidURL(input);
      const b = base instanceof URL ? base : new URL(base);
      return this._resolve(input, b);
    }
    this._parseAbsolute(m[1].toLowerCase() + ':', m[2], input);
  }
  _parseAbsolute(protocol, rest, input) {
    this._protocol = protocol;
    this._username = ''; this._password = ''; this._hostname = ''; this._port = '';
    this._search = ''; this._hash = '';
    const hashAt = rest.indexOf('#');
    if (hashAt !== -1) { this._hash = rest.slice(hashAt); rest = rest.slice(0, hashAt); if (this._hash === '#') this._hash = ''; }
    const qAt = rest.indexOf('?');
    if (qAt !== -1) { this._search = rest.slice(qAt); rest = rest.slice(0, qAt); if (this._search === '?') this._search = ''; }
    const special = protocol in SPECIAL;
    if (special) rest = rest.replace(/\\/g, '/');
    if (rest.startsWith('//') || (special && protocol !== 'file:')) {
      // file://host/path keeps exactly two slashes before its (usually empty) host; other
      // special schemes ignore any number of them.
      rest = protocol === 'file:' ? rest.slice(2) : rest.replace(/^\/*/, '');
      const slash = rest.indexOf('/');
      let authority = slash === -1 ? rest : rest.slice(0, slash);
      rest = slash === -1 ? '' : rest.slice(slash);
      const at = authority.lastIndexOf('@');
      if (at !== -1) {
        const cred = authority.slice(0, at); authority = authority.slice(at + 1);
        const colon = cred.indexOf(':');
        this._username = colon === -1 ? cred : cred.slice(0, colon);
        this._password = colon === -1 ? '' : cred.slice(colon + 1);
      }
      const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
      if (!pm) throw invalidURL(input);
      this._hostname = pm[1].toLowerCase();
      if (special && protocol !== 'file:' && this._hostname === '') throw invalidURL(input);
      if (/[\s<>^|%]/.test(this._hostname) && !this._hostname.startsWith('[')) throw invalidURL(input);
      this._port = pm[2] || '';
      if (this._port !== '') {
        if (Number(this._port) > 65535) throw invalidURL(input);
        this._port = String(Number(this._port));
        if (SPECIAL[protocol] === Number(this._port)) this._port = '';
      }
      if (protocol === 'file:' && this._hostname === 'localhost') this._hostname = '';
      this._pathname = special ? normalizeURLPath(rest || '/') : rest;
      this._opaque = false;
    } else if (special) {
      this._pathname = normalizeURLPath(rest.startsWith('/') ? rest : '/' + rest);
      this._opaque = false;
    } else {
      this._pathname = rest;
      this._opaque = !rest.startsWith('/');
    }
    this._pathname = encodePathChars(this._pathname);
    this._search = encodeQuery(this._search);
  }
  _resolve(input, b) {
    this._protocol = b._protocol; this._username = b._username; this._password = b._password;
    this._hostname = b._hostname; this._port = b._port; this._opaque = false;
    let rest = input;
    if (b._protocol in SPECIAL) rest = rest.replace(/\\/g, '/');
    if (rest.startsWith('//')) { this._parseAbsolute(b._protocol, rest, input); return this; }
    this._hash = ''; this._search = '';
    const hashAt = rest.indexOf('#');
    if (hashAt !== -1) { this._hash = rest.slice(hashAt); rest = rest.slice(0, hashAt); if (this._hash === '#') this._hash = ''; }
    const qAt = rest.indexOf('?');
    if (qAt !== -1) { this._search = rest.slice(qAt); rest = rest.slice(0, qAt); if (this._search === '?') this._search = ''; }
    if (rest === '') { this._pathname = b._pathname; if (qAt === -1) this._search = b._search; }
    else if (rest.startsWith('/')) this._pathname = normalizeURLPath(rest);
    else this._pathname = normalizeURLPath(b._pathname.slice(0, b._pathname.lastIndexOf('/') + 1) + rest);
    this._pathname = encodePathChars(this._pathname);
    this._search = encodeQuery(this._search);
    return this;
  }
  get protocol() { return this._protocol; }
  set protocol(v) { v = String(v).replace(/:.*$/, '').toLowerCase() + ':'; if (/^[a-z][a-z0-9+.-]*:$/.test(v)) this._protocol = v; }
  get username() { return this._username; }
  set username(v) { this._username = encodeURIComponent(String(v)); }
  get password() { return this._password; }
  set password(v) { this._password = encodeURIComponent(String(v)); }
  get hostname() { return this._hostname; }
  set hostname(v) { this._hostname = String(v).toLowerCase(); }
  get port() { return this._port; }
  set port(v) { v = String(v); this._port = v === '' || SPECIAL[this._protocol] === Number(v) ? '' : String(parseInt(v, 10)); }
  get host() { return this._port ? `${this._hostname}:${this._port}` : this._hostname; }
  set host(v) { const [h, p] = String(v).split(':'); this._hostname = h.toLowerCase(); if (p !== undefined) this.port = p; }
  get origin() { return this._protocol in SPECIAL && this._protocol !== 'file:' ? `${this._protocol}//${this.host}` : 'null'; }
  get pathname() { return this._pathname; }
  set pathname(v) { if (!this._opaque) this._pathname = encodePathChars(normalizeURLPath(String(v).startsWith('/') ? String(v) : '/' + v)); }
  get search() { return this._search; }
  set search(v) { v = String(v); this._search = v === '' || v === '?' ? '' : encodeQuery(v.startsWith('?') ? v : '?' + v); if (this._params) this._params._parse(this._search); }
  get searchParams() { if (!this._params) { this._params = new URLSearchParams(this._search); this._params._url = this; } return this._params; }
  get hash() { return this._hash; }
  set hash(v) { v = String(v); this._hash = v === '' || v === '#' ? '' : v.startsWith('#') ? v : '#' + v; }
  get href() {
    const auth = this._username || this._password ? `${this._username}${this._password ? ':' + this._password : ''}@` : '';
    const slashes = this._opaque ? '' : '//';
    const hostPart = this._opaque ? '' : `${auth}${this.host}`;
    if (!(this._protocol in SPECIAL) && !this._opaque && this._hostname === '' && !auth) {
      return `${this._protocol}${this._pathname.startsWith('//') ? '/.' : ''}${this._pathname}${this._search}${this._hash}`.replace(/^([a-z+.-]+:)(?!\/)/, '$1');
    }
    return `${this._protocol}${slashes}${hostPart}${this._pathname}${this._search}${this._hash}`;
  }
  set href(v) { const u = new URL(v); Object.assign(this, u); this._params = undefined; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(u, b) { try { new URL(u, b); return true; } catch { return false; } }
  [customInspect](depth, opts) {
    const o = { href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
      host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
      searchParams: this.searchParams, hash: this.hash };
    return `URL ${inspect(o, opts).replace(/^\{/, '{')}`;
  }
}
function invalidURL(input) { const e = new TypeError('Invalid URL'); e.code = 'ERR_INVALID_URL'; e.input = input; return e; }
function normalizeURLPath(p) {
  const segs = p.split('/');
  const out = [];
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i], low = s.toLowerCase();
    const last = i === segs.length - 1;
    if (s === '..' || low === '.%2e' || low === '%2e.' || low === '%2e%2e') { if (out.length) out.pop(); if (last) out.push(''); }
    else if (s === '.' || low === '%2e') { if (last) out.push(''); }
    else out.push(s);
  }
  return '/' + out.join('/');
}
function encodePathChars(p) { return p.replace(/[\x00-\x20"#<>?`{}\x7f-\uffff]/g, (c) => (c === '#' || c === '?' ? c : encodeURIComponent(c))).replace(/%25(?![0-9a-fA-F]{2})/g, '%25'); }
function encodeQuery(q) { return q.replace(/[\x00-\x20"#<>'\x7f-\uffff]/g, (c) => (c === '#' ? c : c === "'" ? '%27' : encodeURIComponent(c))); }
