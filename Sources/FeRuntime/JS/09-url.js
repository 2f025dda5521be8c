// url: the WHATWG URL Standard's basic URL parser (every state of its state machine, with the
// state overrides the setters use), host parsing (IPv4 numbers in decimal, octal and hex; IPv6
// with compression; opaque hosts; domains through UTS #46 by ICU, ops.op_domain_to_ascii), the
// percent-encode sets of each component, URL and URLSearchParams as Node 18 exposes them, and
// Node's legacy url.parse/format/resolve (a port of the algorithm of Node's lib/url.js).
// Spec: https://url.spec.whatwg.org/ (as of Node 18's WPT fixtures: '^' is not in the path set,
// and spaces stay in opaque paths until a setter strips the trailing ones).
// Uses from earlier files: 00-core.js (builtins, check); 01-inspect.js (customInspect, inspect, format); 02-errors.js (nodeError, invalidArgType, missingArgs); 07-path.js (path); 08-fs.js (then).

// ---- file: URLs and paths (Node's url.fileURLToPath and url.pathToFileURL) ------------------
function fileURLToPath(p) {
  if (typeof p === 'string') p = new URL(p);
  else if (!isURLObject(p)) throw invalidArgType('path', ['string', 'URL'], p);
  if (p.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (p.hostname !== '') throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  const pathname = p.pathname;
  if (/%2f/i.test(pathname)) throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(pathname);
}
// The pathname setter does the path percent-encoding; '%', '\', newline, CR and tab are
// encoded first since the setter would keep or drop them.
function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw invalidArgType('path', 'string', filepath);
  const out = new URL('file://');
  let resolved = path.resolve(filepath);
  if (filepath.charCodeAt(filepath.length - 1) === 0x2f && resolved[resolved.length - 1] !== '/') resolved += '/';
  out.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return out;
}
// ---- Code point classes and percent-encode sets -------------------------------------------
const urlSpecialPorts = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };
function isSpecialScheme(s) { return s in urlSpecialPorts; }
function urlIsAlpha(c) { return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); }
function urlIsDigit(c) { return c >= 0x30 && c <= 0x39; }
function urlIsHex(c) { return urlIsDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66); }
// Each set as a 128-entry table of the ASCII code points it holds; everything above 0x7E is in
// every set (the C0 control set's definition).
function encodeSet(base, extra) {
  const t = base ? base.slice() : new Uint8Array(128);
  if (!base) { for (let i = 0; i < 0x20; i++) t[i] = 1; t[0x7f] = 1; }
  for (const ch of extra) t[ch.charCodeAt(0)] = 1;
  return t;
}
const C0_SET = encodeSet(null, '');
const FRAGMENT_SET = encodeSet(C0_SET, ' "<>`');
const QUERY_SET = encodeSet(C0_SET, ' "#<>');
const SPECIAL_QUERY_SET = encodeSet(QUERY_SET, "'");
const PATH_SET = encodeSet(QUERY_SET, '?`{}');
const USERINFO_SET = encodeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = encodeSet(USERINFO_SET, '$%&+,');
const FORM_SET = encodeSet(COMPONENT_SET, "!'()~");
const HEX = '0123456789ABCDEF';
function pctByte(b) { return `%${HEX[b >> 4]}${HEX[b & 15]}`; }
// UTF-8 percent-encode one code point (lone surrogates were made U+FFFD by toUSV).
function pctEncode(c, set) {
  if (c < 0x80) return set[c] ? pctByte(c) : String.fromCharCode(c);
  if (c < 0x800) return pctByte(0xc0 | (c >> 6)) + pctByte(0x80 | (c & 63));
  if (c < 0x10000) return pctByte(0xe0 | (c >> 12)) + pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
  return pctByte(0xf0 | (c >> 18)) + pctByte(0x80 | ((c >> 12) & 63)) + pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
}
function pctEncodeString(s, set, spaceAsPlus = false) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (spaceAsPlus && c === 0x20) out += '+';
      else out += set[c] ? pctByte(c) : s[i];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    out += pctEncode(c, set);
  }
  return out;
}
// Percent-decode a string (taken as UTF-8) to bytes, then UTF-8 decode without BOM, with
// replacement characters for malformed sequences (the spec's "percent-decode" + "UTF-8 decode").
function pctDecodeToBytes(s) {
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < s.length && urlIsHex(s.charCodeAt(i + 1)) && urlIsHex(s.charCodeAt(i + 2))) {
      bytes.push(parseInt(s.substr(i + 1, 2), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
      }
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
  return bytes;
}
function utf8DecodeBytes(bytes) {
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let out = '';
  let chunk = [];
  const flush = () => { out += String.fromCharCode.apply(null, chunk); chunk = []; };
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0, cp = 0, lo = 0x80, hi = 0xbf;
    if (b < 0x80) { chunk.push(b); i++; if (chunk.length > 4096) flush(); continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0xf; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x7; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else { chunk.push(0xfffd); i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const n = bytes[i + j];
      if (n === undefined || n < lo || n > hi) break;
      lo = 0x80; hi = 0xbf;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (j <= need) { chunk.push(0xfffd); i += j; continue; }
    i += need + 1;
    if (cp >= 0x10000) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); } else chunk.push(cp);
    if (chunk.length > 4096) flush();
  }
  flush();
  return out;
}
function pctDecodeString(s) { return utf8DecodeBytes(pctDecodeToBytes(s)); }
// WebIDL's USVString: ToString, with lone surrogates replaced by U+FFFD.
function toUSV(v) {
  const s = `${v}`;
  return /[\ud800-\udfff]/.test(s) ? s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : s;
}

// ---- Hosts ---------------------------------------------------------------------------------
const URL_FAILURE = Symbol('failure');
// An IPv4 number: decimal, 0x hex or 0 octal; [value, validationError] or failure.
function parseIPv4Number(s) {
  if (s === '') return URL_FAILURE;
  let radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) { s = s.slice(2); radix = 16; }
  else if (s.length >= 2 && s[0] === '0') { s = s.slice(1); radix = 8; }
  if (s === '') return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return URL_FAILURE;
  return parseInt(s, radix);
}
function endsInANumber(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '') { if (parts.length === 1) return false; parts.pop(); }
  const last = parts[parts.length - 1];
  return /^[0-9]+$/.test(last) || parseIPv4Number(last) !== URL_FAILURE;
}
function parseIPv4(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return URL_FAILURE;
  const nums = [];
  for (const p of parts) {
    const n = parseIPv4Number(p);
    if (n === URL_FAILURE) return URL_FAILURE;
    nums.push(n);
  }
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) return URL_FAILURE;
  if (nums[nums.length - 1] >= 256 ** (5 - nums.length)) return URL_FAILURE;
  let ipv4 = nums[nums.length - 1];
  for (let i = 0; i < nums.length - 1; i++) ipv4 += nums[i] * 256 ** (3 - i);
  return ipv4;
}
function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) { out.unshift(String(n % 256)); n = Math.floor(n / 256); }
  return out.join('.');
}
function parseIPv6(s) {
  const addr = [0, 0, 0, 0, 0, 0, 0, 0];
  let piece = 0, compress = null, p = 0;
  const at = (i) => (i < s.length ? s.charCodeAt(i) : -1);
  if (at(0) === 0x3a) {
    if (at(1) !== 0x3a) return URL_FAILURE;
    p = 2; compress = ++piece;
  }
  while (at(p) !== -1) {
    if (piece === 8) return URL_FAILURE;
    if (at(p) === 0x3a) {
      if (compress !== null) return URL_FAILURE;
      p++; compress = ++piece;
      continue;
    }
    let value = 0, length = 0;
    while (length < 4 && urlIsHex(at(p))) { value = value * 16 + parseInt(s[p], 16); p++; length++; }
    if (at(p) === 0x2e) {
      if (length === 0) return URL_FAILURE;
      p -= length;
      if (piece > 6) return URL_FAILURE;
      let seen = 0;
      while (at(p) !== -1) {
        let v4 = null;
        if (seen > 0) {
          if (at(p) === 0x2e && seen < 4) p++;
          else return URL_FAILURE;
        }
        if (!urlIsDigit(at(p))) return URL_FAILURE;
        while (urlIsDigit(at(p))) {
          const n = at(p) - 0x30;
          if (v4 === null) v4 = n;
          else if (v4 === 0) return URL_FAILURE;
          else v4 = v4 * 10 + n;
          if (v4 > 255) return URL_FAILURE;
          p++;
        }
        addr[piece] = addr[piece] * 0x100 + v4;
        seen++;
        if (seen === 2 || seen === 4) piece++;
      }
      if (seen !== 4) return URL_FAILURE;
      break;
    } else if (at(p) === 0x3a) {
      p++;
      if (at(p) === -1) return URL_FAILURE;
    } else if (at(p) !== -1) return URL_FAILURE;
    addr[piece++] = value;
  }
  if (compress !== null) {
    let swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      const t = addr[compress + swaps - 1];
      addr[compress + swaps - 1] = addr[piece];
      addr[piece] = t;
      piece--; swaps--;
    }
  } else if (piece !== 8) return URL_FAILURE;
  return addr;
}
// The longest run (of two or more) of zero pieces is written as '::'.
function serializeIPv6(addr) {
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (addr[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && addr[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === best) { out += i === 0 ? '::' : ':'; i += bestLen - 1; continue; }
    out += addr[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}
const FORBIDDEN_HOST = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\0-\x1f #%/:<>?@[\\\]^|\x7f]/;
// The URL Standard's "domain to ASCII" (beStrict false): UTS #46 by ICU; an all-ASCII domain
// with no 'xn--' label only needs lowercasing, which is what UTS #46 would do to it.
function domainToASCIIInternal(domain) {
  if (/^[\x00-\x7f]*$/.test(domain) && !/(^|\.)xn--/i.test(domain)) return domain.toLowerCase();
  const r = ops.op_domain_to_ascii(domain);
  return r === null ? URL_FAILURE : r;
}
// Returns the serialized host, or failure.
function parseURLHost(input, notSpecial) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return URL_FAILURE;
    const a = parseIPv6(input.slice(1, -1));
    return a === URL_FAILURE ? a : `[${serializeIPv6(a)}]`;
  }
  if (notSpecial) {
    if (FORBIDDEN_HOST.test(input)) return URL_FAILURE;
    return pctEncodeString(input, C0_SET);
  }
  const domain = pctDecodeString(input);
  const ascii = domainToASCIIInternal(domain);
  if (ascii === URL_FAILURE || ascii === '' || FORBIDDEN_DOMAIN.test(ascii)) return URL_FAILURE;
  if (endsInANumber(ascii)) {
    const v4 = parseIPv4(ascii);
    return v4 === URL_FAILURE ? v4 : serializeIPv4(v4);
  }
  return ascii;
}

// ---- The basic URL parser ------------------------------------------------------------------
// A URL record: scheme, username, password, host (null or its serialization), port (null or a
// number), path (an array of segments, or a string for an opaque path), query, fragment.
function newURLRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
}
function copyURLRecord(u) { return { ...u, path: typeof u.path === 'string' ? u.path : u.path.slice() }; }
const S_SCHEME_START = 1, S_SCHEME = 2, S_NO_SCHEME = 3, S_SPECIAL_RELATIVE_OR_AUTHORITY = 4, S_PATH_OR_AUTHORITY = 5,
  S_RELATIVE = 6, S_RELATIVE_SLASH = 7, S_SPECIAL_AUTHORITY_SLASHES = 8, S_SPECIAL_AUTHORITY_IGNORE_SLASHES = 9,
  S_AUTHORITY = 10, S_HOST = 11, S_HOSTNAME = 12, S_PORT = 13, S_FILE = 14, S_FILE_SLASH = 15, S_FILE_HOST = 16,
  S_PATH_START = 17, S_PATH = 18, S_OPAQUE_PATH = 19, S_QUERY = 20, S_FRAGMENT = 21;
function isWindowsDriveLetter(s, normalizedOnly) {
  return s.length === 2 && urlIsAlpha(s.charCodeAt(0)) && (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}
function startsWithWindowsDriveLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!urlIsAlpha(cps[p]) || (cps[p + 1] !== 0x3a && cps[p + 1] !== 0x7c)) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}
function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}
function isSingleDot(s) { return s === '.' || s.toLowerCase() === '%2e'; }
function isDoubleDot(s) { s = s.toLowerCase(); return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e'; }
function hasCredentials(url) { return url.username !== '' || url.password !== ''; }

// The basic URL parser. With `url` and `override` it is a setter's run: it changes `url` in
// place (also when it then fails, as the Standard does) and answers failure or the url.
function basicURLParse(input, base, url, override) {
  if (!url) {
    url = newURLRecord();
    input = input.replace(/^[\0- ]+|[\0- ]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  let state = override || S_SCHEME_START;
  let buffer = '';
  let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
  const special = () => isSpecialScheme(url.scheme);
  for (let p = 0; p <= cps.length; p++) {
    const c = p < cps.length ? cps[p] : -1; // -1 is the Standard's EOF
    switch (state) {
      case S_SCHEME_START:
        if (urlIsAlpha(c)) { buffer += String.fromCharCode(c).toLowerCase(); state = S_SCHEME; }
        else if (!override) { state = S_NO_SCHEME; p--; }
        else return URL_FAILURE;
        break;
      case S_SCHEME:
        if (urlIsAlpha(c) || urlIsDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) buffer += String.fromCharCode(c).toLowerCase();
        else if (c === 0x3a) {
          if (override) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((hasCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (override) {
            if (url.port === urlSpecialPorts[url.scheme]) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') state = S_FILE;
          else if (special() && base && base.scheme === url.scheme) state = S_SPECIAL_RELATIVE_OR_AUTHORITY;
          else if (special()) state = S_SPECIAL_AUTHORITY_SLASHES;
          else if (cps[p + 1] === 0x2f) { state = S_PATH_OR_AUTHORITY; p++; }
          else { url.path = ''; state = S_OPAQUE_PATH; }
        } else if (!override) { buffer = ''; state = S_NO_SCHEME; p = -1; }
        else return URL_FAILURE;
        break;
      case S_NO_SCHEME:
        if (!base || (typeof base.path === 'string' && c !== 0x23)) return URL_FAILURE;
        if (typeof base.path === 'string' && c === 0x23) {
          url.scheme = base.scheme; url.path = base.path; url.query = base.query; url.fragment = ''; state = S_FRAGMENT;
        } else if (base.scheme !== 'file') { state = S_RELATIVE; p--; }
        else { state = S_FILE; p--; }
        break;
      case S_SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && cps[p + 1] === 0x2f) { state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
        else { state = S_RELATIVE; p--; }
        break;
      case S_PATH_OR_AUTHORITY:
        if (c === 0x2f) state = S_AUTHORITY;
        else { state = S_PATH; p--; }
        break;
      case S_RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2f) state = S_RELATIVE_SLASH;
        else if (special() && c === 0x5c) state = S_RELATIVE_SLASH;
        else {
          url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
          url.path = base.path.slice(); url.query = base.query;
          if (c === 0x3f) { url.query = ''; state = S_QUERY; }
          else if (c === 0x23) { url.fragment = ''; state = S_FRAGMENT; }
          else if (c !== -1) { url.query = null; shortenPath(url); state = S_PATH; p--; }
        }
        break;
      case S_RELATIVE_SLASH:
        if (special() && (c === 0x2f || c === 0x5c)) state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES;
        else if (c === 0x2f) state = S_AUTHORITY;
        else {
          url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
          state = S_PATH; p--;
        }
        break;
      case S_SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2f && cps[p + 1] === 0x2f) { state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
        else { state = S_SPECIAL_AUTHORITY_IGNORE_SLASHES; p--; }
        break;
      case S_SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) { state = S_AUTHORITY; p--; }
        break;
      case S_AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const ch of buffer) {
            const cp = ch.codePointAt(0);
            if (cp === 0x3a && !passwordTokenSeen) { passwordTokenSeen = true; continue; }
            if (passwordTokenSeen) url.password += pctEncode(cp, USERINFO_SET);
            else url.username += pctEncode(cp, USERINFO_SET);
          }
          buffer = '';
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (special() && c === 0x5c)) {
          if (atSignSeen && buffer === '') return URL_FAILURE;
          p -= Array.from(buffer).length + 1;
          buffer = '';
          state = S_HOST;
        } else buffer += String.fromCodePoint(c);
        break;
      case S_HOST:
      case S_HOSTNAME:
        if (override && url.scheme === 'file') { p--; state = S_FILE_HOST; }
        else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return URL_FAILURE;
          if (override === S_HOSTNAME) return URL_FAILURE;
          const host = parseURLHost(buffer, !special());
          if (host === URL_FAILURE) return URL_FAILURE;
          url.host = host; buffer = ''; state = S_PORT;
        } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (special() && c === 0x5c)) {
          p--;
          if (special() && buffer === '') return URL_FAILURE;
          if (override && buffer === '' && (hasCredentials(url) || url.port !== null)) return URL_FAILURE;
          const host = parseURLHost(buffer, !special());
          if (host === URL_FAILURE) return URL_FAILURE;
          url.host = host; buffer = ''; state = S_PATH_START;
          if (override) return url;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += String.fromCodePoint(c);
        }
        break;
      case S_PORT:
        if (urlIsDigit(c)) buffer += String.fromCharCode(c);
        else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 || (special() && c === 0x5c) || override) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return URL_FAILURE;
            url.port = port === urlSpecialPorts[url.scheme] ? null : port;
            buffer = '';
          }
          if (override) return url;
          state = S_PATH_START; p--;
        } else return URL_FAILURE;
        break;
      case S_FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) state = S_FILE_SLASH;
        else if (base && base.scheme === 'file') {
          url.host = base.host; url.path = base.path.slice(); url.query = base.query;
          if (c === 0x3f) { url.query = ''; state = S_QUERY; }
          else if (c === 0x23) { url.fragment = ''; state = S_FRAGMENT; }
          else if (c !== -1) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, p)) shortenPath(url);
            else url.path = [];
            state = S_PATH; p--;
          }
        } else { state = S_PATH; p--; }
        break;
      case S_FILE_SLASH:
        if (c === 0x2f || c === 0x5c) state = S_FILE_HOST;
        else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, p) && base.path.length > 0 && isWindowsDriveLetter(base.path[0], true)) url.path.push(base.path[0]);
          }
          state = S_PATH; p--;
        }
        break;
      case S_FILE_HOST:
        if (c === -1 || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!override && isWindowsDriveLetter(buffer, false)) state = S_PATH;
          else if (buffer === '') {
            url.host = '';
            if (override) return url;
            state = S_PATH_START;
          } else {
            let host = parseURLHost(buffer, !special());
            if (host === URL_FAILURE) return URL_FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (override) return url;
            buffer = ''; state = S_PATH_START;
          }
        } else buffer += String.fromCodePoint(c);
        break;
      case S_PATH_START:
        if (special()) {
          state = S_PATH;
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!override && c === 0x3f) { url.query = ''; state = S_QUERY; }
        else if (!override && c === 0x23) { url.fragment = ''; state = S_FRAGMENT; }
        else if (c !== -1) { state = S_PATH; if (c !== 0x2f) p--; }
        else if (override && url.host === null) url.path.push('');
        break;
      case S_PATH:
        if (c === -1 || c === 0x2f || (special() && c === 0x5c) || (!override && (c === 0x3f || c === 0x23))) {
          const slash = c === 0x2f || (special() && c === 0x5c);
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) url.path.push('');
          else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer, false)) buffer = `${buffer[0]}:`;
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) { url.query = ''; state = S_QUERY; }
          if (c === 0x23) { url.fragment = ''; state = S_FRAGMENT; }
        } else buffer += pctEncode(c, PATH_SET);
        break;
      case S_OPAQUE_PATH:
        if (c === 0x3f) { url.query = ''; state = S_QUERY; }
        else if (c === 0x23) { url.fragment = ''; state = S_FRAGMENT; }
        else if (c !== -1) url.path += pctEncode(c, C0_SET);
        break;
      case S_QUERY:
        if ((!override && c === 0x23) || c === -1) {
          url.query += pctEncodeString(buffer, special() ? SPECIAL_QUERY_SET : QUERY_SET);
          buffer = '';
          if (c === 0x23) { url.fragment = ''; state = S_FRAGMENT; }
        } else if (c !== -1) buffer += String.fromCodePoint(c);
        break;
      case S_FRAGMENT:
        if (c !== -1) url.fragment += pctEncode(c, FRAGMENT_SET);
        break;
    }
  }
  return url;
}
function serializePath(url) { return typeof url.path === 'string' ? url.path : url.path.map((s) => `/${s}`).join(''); }
function serializeURL(url, excludeFragment) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (hasCredentials(url)) out += url.password !== '' ? `${url.username}:${url.password}@` : `${url.username}@`;
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') out += '/.';
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}
function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicURLParse(serializePath(url));
      if (inner === URL_FAILURE || (inner.scheme !== 'http' && inner.scheme !== 'https')) return 'null';
      return serializeOrigin(inner);
    }
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return `${url.scheme}://${url.host}${url.port !== null ? `:${url.port}` : ''}`;
    default: return 'null';
  }
}
function cannotHaveUsernamePasswordPort(url) { return url.host === null || url.host === '' || url.scheme === 'file'; }

// ---- application/x-www-form-urlencoded ------------------------------------------------------
function parseFormURLEncoded(s) {
  const list = [];
  if (s === '') return list;
  for (const seq of s.split('&')) {
    if (seq === '') continue;
    const eq = seq.indexOf('=');
    const name = eq === -1 ? seq : seq.slice(0, eq);
    const value = eq === -1 ? '' : seq.slice(eq + 1);
    list.push(pctDecodeString(name.replace(/\+/g, ' ')), pctDecodeString(value.replace(/\+/g, ' ')));
  }
  return list;
}
function serializeFormURLEncoded(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i) out += '&';
    out += `${pctEncodeString(list[i], FORM_SET, true)}=${pctEncodeString(list[i + 1], FORM_SET, true)}`;
  }
  return out;
}

// ---- URLSearchParams -----------------------------------------------------------------------
// The list is flat ([name, value, name, value, ...]) as in Node, so iterators and forEach see
// changes made while they run.
const kParamsList = Symbol('query');
const kParamsURL = Symbol('context');
function urlInvalidThis(type) { return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`); }
function checkParams(self) {
  if (self === null || typeof self !== 'object' || !(kParamsList in self)) throw urlInvalidThis('URLSearchParams');
}
function tupleError() { return nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple'); }
class URLSearchParams {
  constructor(init = undefined) {
    this[kParamsList] = [];
    this[kParamsURL] = null;
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && kParamsList in init) {
        this[kParamsList] = init[kParamsList].slice();
      } else if (method !== null && method !== undefined) {
        if (typeof method !== 'function') throw nodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        const pairs = [];
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null || typeof pair[Symbol.iterator] !== 'function') throw tupleError();
          pairs.push(Array.from(pair));
        }
        for (const pair of pairs) {
          if (pair.length !== 2) throw tupleError();
          this[kParamsList].push(toUSV(pair[0]), toUSV(pair[1]));
        }
      } else {
        // A record: own enumerable keys (symbols too: converting one throws, as in Node); a
        // later key equal after USV conversion replaces the earlier one's value.
        const seen = new Map();
        const list = this[kParamsList];
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const k = toUSV(key), v = toUSV(init[key]);
          if (seen.has(k)) list[seen.get(k)] = v;
          else { seen.set(k, list.length + 1); list.push(k, v); }
        }
      }
    } else {
      let s = toUSV(init);
      if (s[0] === '?') s = s.slice(1);
      this[kParamsList] = parseFormURLEncoded(s);
    }
  }
  get size() { checkParams(this); return this[kParamsList].length / 2; }
  append(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    this[kParamsList].push(toUSV(name), toUSV(value));
    paramsChanged(this);
  }
  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw missingArgs('name');
    const list = this[kParamsList];
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      for (let i = 0; i < list.length;) { if (list[i] === name && list[i + 1] === value) list.splice(i, 2); else i += 2; }
    } else {
      for (let i = 0; i < list.length;) { if (list[i] === name) list.splice(i, 2); else i += 2; }
    }
    paramsChanged(this);
  }
  get(name) {
    checkParams(this);
    if (arguments.length < 1) throw missingArgs('name');
    const list = this[kParamsList];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }
  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw missingArgs('name');
    const list = this[kParamsList], out = [];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }
  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw missingArgs('name');
    const list = this[kParamsList];
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    return false;
  }
  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    const list = this[kParamsList];
    name = toUSV(name); value = toUSV(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] !== name) { i += 2; continue; }
      if (!found) { list[i + 1] = value; found = true; i += 2; } else list.splice(i, 2);
    }
    if (!found) list.push(name, value);
    paramsChanged(this);
  }
  // Stable, by the names' UTF-16 code units (JS string order).
  sort() {
    checkParams(this);
    const list = this[kParamsList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this[kParamsList] = pairs.flat();
    paramsChanged(this);
  }
  entries() { checkParams(this); return new URLSearchParamsIterator(this, 'key+value'); }
  forEach(callback, thisArg = undefined) {
    checkParams(this);
    if (typeof callback !== 'function') throw invalidArgType('callback', 'Function', callback);
    let list = this[kParamsList];
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this[kParamsList];
    }
  }
  keys() { checkParams(this); return new URLSearchParamsIterator(this, 'key'); }
  values() { checkParams(this); return new URLSearchParamsIterator(this, 'value'); }
  toString() { checkParams(this); return serializeFormURLEncoded(this[kParamsList]); }
  [customInspect](depth, ctx) {
    checkParams(this);
    if (typeof depth === 'number' && depth < 0) return ctx.stylize('[Object]', 'special');
    const inner = { ...ctx };
    if (depth !== null) inner.depth = depth - 1;
    const list = this[kParamsList], out = [];
    for (let i = 0; i < list.length; i += 2) out.push(`${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`);
    const length = out.reduce((n, s) => n + stripVTControl(s).length + 2, -2);
    const name = this.constructor.name;
    if (length > ctx.breakLength) return `${name} {\n  ${out.join(',\n  ')} }`;
    return out.length ? `${name} { ${out.join(', ')} }` : `${name} {}`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { value: URLSearchParams.prototype.entries, writable: true, configurable: true });
function stripVTControl(s) { return s.replace(/\x1b\[[0-9;]*m/g, ''); }
// A change to the list rewrites the owning URL's query (null when the list is empty).
let setURLQuery; // (url, query): set by URL's static block, which alone sees its record
function paramsChanged(params) {
  const url = params[kParamsURL];
  if (url === null) return;
  const s = serializeFormURLEncoded(params[kParamsList]);
  setURLQuery(url, s === '' ? null : s);
}
const kIterState = Symbol('context');
class URLSearchParamsIterator {
  constructor(target, kind) { this[kIterState] = { target, kind, index: 0 }; }
  next() {
    if (this === null || typeof this !== 'object' || !(kIterState in this)) throw urlInvalidThis('URLSearchParamsIterator');
    const st = this[kIterState];
    const list = st.target[kParamsList];
    if (st.index >= list.length) return { value: undefined, done: true };
    const name = list[st.index], value = list[st.index + 1];
    st.index += 2;
    return { value: st.kind === 'key' ? name : st.kind === 'value' ? value : [name, value], done: false };
  }
  [customInspect](depth, ctx) {
    if (this === null || typeof this !== 'object' || !(kIterState in this)) throw urlInvalidThis('URLSearchParamsIterator');
    const inner = { ...ctx };
    if (depth !== null) inner.depth = depth - 1;
    const { target, kind, index } = this[kIterState];
    const list = target[kParamsList], out = [];
    for (let i = index; i < list.length; i += 2) out.push(kind === 'key' ? list[i] : kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
    const broken = inspect(out, inner).includes('\n');
    const strs = out.map((v) => inspect(v, inner));
    return `${this[Symbol.toStringTag]} {${broken ? `\n  ${strs.join(',\n  ')}` : ` ${strs.join(', ')}`} }`;
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

// ---- URL -----------------------------------------------------------------------------------
function invalidURL(input) {
  const e = nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  e.input = input;
  return e;
}
function parseURLOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicURLParse(toUSV(base), null);
    if (baseRecord === URL_FAILURE) throw invalidURL(input);
  }
  const r = basicURLParse(toUSV(input), baseRecord);
  if (r === URL_FAILURE) throw invalidURL(input);
  return r;
}
class URL {
  #url;
  #params = null;
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    this.#url = parseURLOrThrow(input, base);
  }
  static #check(self) { if (self === null || typeof self !== 'object' || !(#url in self)) throw urlInvalidThis('URL'); }
  // A setter's run of the parser with a state override: it changes the record in place, and a
  // failure part-way keeps what was already set (a host set before an invalid port), as in the
  // Standard.
  #run(value, override) { basicURLParse(value, null, this.#url, override); }
  static { setURLQuery = (url, q) => { url.#url.query = q; }; }
  #syncParams() { if (this.#params) this.#params[kParamsList] = this.#url.query ? parseFormURLEncoded(this.#url.query) : []; }
  // Node 18 strips trailing spaces from an opaque path once nothing follows it.
  #stripOpaqueSpaces() {
    const u = this.#url;
    if (typeof u.path === 'string' && u.fragment === null && u.query === null) u.path = u.path.replace(/ +$/, '');
  }
  // toString first: enumeration follows Node's (and WebIDL's stringifier) order.
  toString() { URL.#check(this); return serializeURL(this.#url); }
  get href() { URL.#check(this); return serializeURL(this.#url); }
  set href(value) {
    URL.#check(this);
    value = `${value}`;
    const r = basicURLParse(toUSV(value), null);
    if (r === URL_FAILURE) throw invalidURL(value);
    this.#url = r;
    this.#syncParams();
  }
  get origin() { URL.#check(this); return serializeOrigin(this.#url); }
  get protocol() { URL.#check(this); return `${this.#url.scheme}:`; }
  set protocol(value) { URL.#check(this); this.#run(`${toUSV(value)}:`, S_SCHEME_START); }
  get username() { URL.#check(this); return this.#url.username; }
  set username(value) {
    URL.#check(this);
    value = toUSV(value);
    if (!cannotHaveUsernamePasswordPort(this.#url)) this.#url.username = pctEncodeString(value, USERINFO_SET);
  }
  get password() { URL.#check(this); return this.#url.password; }
  set password(value) {
    URL.#check(this);
    value = toUSV(value);
    if (!cannotHaveUsernamePasswordPort(this.#url)) this.#url.password = pctEncodeString(value, USERINFO_SET);
  }
  get host() {
    URL.#check(this);
    const u = this.#url;
    if (u.host === null) return '';
    return u.port === null ? u.host : `${u.host}:${u.port}`;
  }
  set host(value) { URL.#check(this); value = toUSV(value); if (typeof this.#url.path !== 'string') this.#run(value, S_HOST); }
  get hostname() { URL.#check(this); return this.#url.host === null ? '' : this.#url.host; }
  set hostname(value) { URL.#check(this); value = toUSV(value); if (typeof this.#url.path !== 'string') this.#run(value, S_HOSTNAME); }
  get port() { URL.#check(this); return this.#url.port === null ? '' : String(this.#url.port); }
  set port(value) {
    URL.#check(this);
    value = toUSV(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    if (value === '') this.#url.port = null;
    else this.#run(value, S_PORT);
  }
  get pathname() { URL.#check(this); return serializePath(this.#url); }
  set pathname(value) {
    URL.#check(this);
    value = toUSV(value);
    if (typeof this.#url.path === 'string') return;
    this.#url.path = [];
    this.#run(value, S_PATH_START);
  }
  get search() { URL.#check(this); const q = this.#url.query; return q === null || q === '' ? '' : `?${q}`; }
  set search(value) {
    URL.#check(this);
    value = toUSV(value);
    if (value === '') {
      this.#url.query = null;
      if (this.#params) this.#params[kParamsList] = [];
      this.#stripOpaqueSpaces();
      return;
    }
    if (value[0] === '?') value = value.slice(1);
    this.#url.query = '';
    this.#run(value, S_QUERY);
    this.#syncParams();
  }
  get searchParams() {
    URL.#check(this);
    if (this.#params === null) {
      this.#params = new URLSearchParams(this.#url.query || '');
      this.#params[kParamsURL] = this;
    }
    return this.#params;
  }
  get hash() { URL.#check(this); const f = this.#url.fragment; return f === null || f === '' ? '' : `#${f}`; }
  set hash(value) {
    URL.#check(this);
    value = toUSV(value);
    if (value === '') { this.#url.fragment = null; this.#stripOpaqueSpaces(); return; }
    if (value[0] === '#') value = value.slice(1);
    this.#url.fragment = '';
    this.#run(value, S_FRAGMENT);
  }
  toJSON() { URL.#check(this); return serializeURL(this.#url); }
  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    url = `${url}`;
    if (base !== undefined) base = `${base}`;
    try { parseURLOrThrow(url, base); return true; } catch { return false; }
  }
  // ada's URLContext: the serialization and the offsets of its components, as Node 18 shows it
  // with showHidden.
  #context() {
    const u = this.#url, href = serializeURL(u);
    const ctx = new URLContext();
    ctx.href = href;
    ctx.protocol_end = u.scheme.length + 1;
    let i = ctx.protocol_end;
    if (u.host !== null) {
      i += 2;
      ctx.username_end = i + u.username.length;
      i = ctx.username_end + (u.password !== '' ? u.password.length + 1 : 0);
      ctx.host_start = i;
      if (hasCredentials(u)) i++;
      ctx.host_end = i + u.host.length;
      i = ctx.host_end + (u.port !== null ? String(u.port).length + 1 : 0);
    } else { ctx.username_end = i; ctx.host_start = i; ctx.host_end = i; }
    ctx.pathname_start = i;
    const q = href.indexOf('?', i), h = u.fragment === null ? -1 : href.length - u.fragment.length - 1;
    ctx.search_start = u.query === null ? 4294967295 : q;
    ctx.hash_start = h === -1 ? 4294967295 : h;
    ctx.port = u.port === null ? 4294967295 : u.port;
    ctx.scheme_type = { http: 0, https: 2, ws: 3, ftp: 4, wss: 5, file: 6 }[u.scheme] ?? 1;
    return ctx;
  }
  [customInspect](depth, opts) {
    URL.#check(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = (typeof this.constructor === 'function' && this.constructor) || URL;
    const obj = Object.create({ constructor: ctor });
    obj.href = this.href; obj.origin = this.origin; obj.protocol = this.protocol; obj.username = this.username;
    obj.password = this.password; obj.host = this.host; obj.hostname = this.hostname; obj.port = this.port;
    obj.pathname = this.pathname; obj.search = this.search; obj.searchParams = this.searchParams; obj.hash = this.hash;
    if (opts.showHidden) obj[kParamsURL] = this.#context();
    return `${ctor.name} ${inspect(obj, opts)}`;
  }
}
// Node 18's URLContext (ada's url_aggregator offsets), with its three non-enumerable getters.
class URLContext {
  constructor() {
    Object.defineProperties(this, {
      hasPort: { get() { return this.port !== 4294967295; }, configurable: true },
      hasSearch: { get() { return this.search_start !== 4294967295; }, configurable: true },
      hasHash: { get() { return this.hash_start !== 4294967295; }, configurable: true },
    });
  }
}
// WebIDL: attributes and operations are enumerable; the tag is 'URL'.
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  Object.defineProperty(URL.prototype, k, { enumerable: true });
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const k of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach', 'keys', 'values', 'toString', 'size']) {
  Object.defineProperty(URLSearchParams.prototype, k, { enumerable: true });
}

// ---- url module helpers --------------------------------------------------------------------
// Node's domainToASCII/domainToUnicode: the hostname setter's result on a ws: URL ('' when it
// fails), then (for Unicode) UTS #46 ToUnicode of that.
// Node's isURL: a URL object, or something shaped like one (not a legacy Url).
function isURLObject(v) { return v != null && Boolean(v.href) && Boolean(v.protocol) && v.auth === undefined && v.path === undefined; }
// URL.createObjectURL: a blob: URL naming a Blob kept until revokeObjectURL (Node's
// 'blob:nodedata:<uuid>' form); buffer.resolveObjectURL can look it up in blobURLRegistry.
const blobURLRegistry = new Map();
function createObjectURL(obj) {
  const BlobClass = globalThis.Blob;
  if (typeof BlobClass !== 'function' || !(obj instanceof BlobClass)) throw invalidArgType('obj', 'Blob', obj);
  const id = `blob:nodedata:${globalThis.crypto.randomUUID()}`;
  blobURLRegistry.set(id, obj);
  return id;
}
function revokeObjectURL(url) {
  if (arguments.length < 1) throw missingArgs('url');
  url = `${url}`;
  if (url.startsWith('blob:nodedata:')) blobURLRegistry.delete(url);
}
Object.defineProperties(URL, {
  createObjectURL: { value: createObjectURL, enumerable: true, writable: true, configurable: true },
  revokeObjectURL: { value: revokeObjectURL, enumerable: true, writable: true, configurable: true },
});
Object.defineProperty(URL, 'canParse', { enumerable: true });

// ---- The legacy API: url.parse, url.format, url.resolve, url.Url ----------------------------
// The algorithm of Node 18's lib/url.js: trim, backslashes to slashes before any '?'/'#', a
// fast path for plain paths, protocol, slashes, auth before the last '@' that precedes the host
// end, host and port, the hostname cut at its first invalid character (the rest moves into the
// path), lowercased and converted by IDNA (lenient), RFC 2396 characters escaped, then hash,
// search and query.
const legacyHostless = new Set(['javascript', 'javascript:']);
const legacyUnsafe = new Set(['javascript', 'javascript:']);
const legacySlashed = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const legacyProtocolPattern = /^[a-z0-9.+-]+:/i;
const legacyPortPattern = /:[0-9]*$/;
const legacyHostPattern = /^\/\/[^@/]+@[^@/]+/;
const legacySimplePath = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const legacyForbiddenHost = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const legacyForbiddenHostV6 = /[\0\t\n\r #%/<>?@\\^|]/;
const legacyEscapes = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };
// Characters url.format leaves unescaped in auth: ! ' ( ) * - . : _ ~ and alphanumerics.
const AUTH_SET = (() => {
  const t = new Uint8Array(128).fill(1);
  for (const ch of "!'()*-.:_~") t[ch.charCodeAt(0)] = 0;
  for (let c = 0x30; c <= 0x39; c++) t[c] = 0;
  for (let c = 0x41; c <= 0x5a; c++) { t[c] = 0; t[c + 32] = 0; }
  return t;
})();
function legacyQuerystring() { return builtins.get('querystring'); }
function isIPv6Hostname(h) { return h.charCodeAt(0) === 0x5b && h.charCodeAt(h.length - 1) === 0x5d; }
function Url() {
  this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
  this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
}
function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}
Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw invalidArgType('url', 'string', url);
  // Trim (code points up to ' ', NBSP, BOM) and turn backslashes before any '?' or '#' into '/'.
  let hasHash = false, hasAt = false, split = false;
  let start = 0, end = url.length;
  const isWs = (c) => c < 33 || c === 0xa0 || c === 0xfeff;
  while (start < end && isWs(url.charCodeAt(start))) start++;
  while (end > start && isWs(url.charCodeAt(end - 1))) end--;
  let rest = '';
  for (let i = start; i < end; i++) {
    const ch = url[i];
    if (!split) {
      if (ch === '@') hasAt = true;
      else if (ch === '#') { hasHash = true; split = true; }
      else if (ch === '?') split = true;
      else if (ch === '\\') { rest += '/'; continue; }
    } else if (ch === '#') hasHash = true;
    rest += ch;
  }
  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simple = legacySimplePath.exec(rest);
    if (simple) {
      this.path = rest; this.href = rest; this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? legacyQuerystring().parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }
  let proto = legacyProtocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }
  let slashes;
  if (slashesDenoteHost || proto || legacyHostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === 0x2f && rest.charCodeAt(1) === 0x2f;
    if (slashes && !(proto && legacyHostless.has(lowerProto))) { rest = rest.slice(2); this.slashes = true; }
  }
  if (!legacyHostless.has(lowerProto) && (slashes || (proto && !legacySlashed.has(proto)))) {
    // The host ends at the first of '/', '?', '#'; an '@' before that ends the auth (the last
    // one wins), and RFC 2396's never-in-a-host characters end the host unless an '@' follows.
    let hostEnd = -1, atSign = -1, nonHost = -1;
    for (let i = 0; i < rest.length; ++i) {
      switch (rest[i]) {
        case '\t': case '\n': case '\r':
          rest = rest.slice(0, i) + rest.slice(i + 1);
          i -= 1;
          break;
        case ' ': case '"': case '%': case "'": case ';': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
          if (nonHost === -1) nonHost = i;
          break;
        case '#': case '/': case '?':
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
          break;
        case '@':
          atSign = i;
          nonHost = -1;
          break;
      }
      if (hostEnd !== -1) break;
    }
    let hostStart = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      hostStart = atSign + 1;
    }
    if (nonHost === -1) { this.host = rest.slice(hostStart); rest = ''; }
    else { this.host = rest.slice(hostStart, nonHost); rest = rest.slice(nonHost); }
    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6 = isIPv6Hostname(hostname);
    if (!ipv6) rest = legacyCutHostname(this, rest, hostname);
    this.hostname = this.hostname.length > 255 ? '' : this.hostname.toLowerCase();
    if (this.hostname !== '') {
      if (ipv6) {
        if (legacyForbiddenHostV6.test(this.hostname)) throw invalidURL(url);
      } else {
        // IDNA (UTS #46 ToASCII; '' when it fails, as Node's binding answers); a hostname that
        // comes out empty or with a forbidden character would let one host pass for another.
        const ascii = domainToASCIIInternal(this.hostname);
        this.hostname = ascii === URL_FAILURE ? '' : ascii;
        if (this.hostname === '' || legacyForbiddenHost.test(this.hostname)) throw invalidURL(url);
      }
    }
    this.host = (this.hostname || '') + (this.port ? `:${this.port}` : '');
    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }
  if (!legacyUnsafe.has(lowerProto)) rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => legacyEscapes[c]);
  let questionIdx = -1, hashIdx = -1;
  for (let i = 0; i < rest.length; ++i) {
    if (rest[i] === '#') { this.hash = rest.slice(i); hashIdx = i; break; }
    if (rest[i] === '?' && questionIdx === -1) questionIdx = i;
  }
  if (questionIdx !== -1) {
    this.search = hashIdx === -1 ? rest.slice(questionIdx) : rest.slice(questionIdx, hashIdx);
    this.query = hashIdx === -1 ? rest.slice(questionIdx + 1) : rest.slice(questionIdx + 1, hashIdx);
    if (parseQueryString) this.query = legacyQuerystring().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  const firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (firstIdx === -1) { if (rest.length > 0) this.pathname = rest; }
  else if (firstIdx > 0) this.pathname = rest.slice(0, firstIdx);
  if (legacySlashed.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};
// The hostname ends at a '/', '\\', '#', '?' or ':' (an invalid port); the rest starts the path.
function legacyCutHostname(self, rest, hostname) {
  for (let i = 0; i < hostname.length; ++i) {
    const c = hostname.charCodeAt(i);
    if (c === 0x2f || c === 0x5c || c === 0x23 || c === 0x3f || c === 0x3a) {
      self.hostname = hostname.slice(0, i);
      return `/${hostname.slice(i)}${rest}`;
    }
  }
  return rest;
}
Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = legacyPortPattern.exec(host);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};
Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${pctEncodeString(auth, AUTH_SET)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) host = auth + this.host;
  else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !isIPv6Hostname(this.hostname) ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = legacyQuerystring().stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';
  pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
  // Only the slashed protocols get '//' (not mailto:, xmpp:, ...) unless they had it.
  if (this.slashes || legacySlashed.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) host = '//';
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3f) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};
function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') urlObject = urlParse(urlObject);
  else if (typeof urlObject !== 'object' || urlObject === null) throw invalidArgType('urlObject', ['Object', 'string'], urlObject);
  else if (urlObject instanceof URL) {
    let fragment = true, unicode = false, search = true, auth = true;
    if (options) {
      if (typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'Object', options);
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    const rec = basicURLParse(urlObject.href, null);
    if (!fragment) rec.fragment = null;
    if (!search) rec.query = null;
    if (!auth) { rec.username = ''; rec.password = ''; }
    if (unicode && rec.host) { const u = ops.op_domain_to_unicode(rec.host); if (u !== null) rec.host = u; }
    return serializeURL(rec);
  }
  return Url.prototype.format.call(urlObject);
}
function urlResolve(source, relative) { return urlParse(source, false, true).resolve(relative); }
Url.prototype.resolve = function resolve(relative) { return this.resolveObject(urlParse(relative, false, true)).format(); };
function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}
// RFC 1808 resolution as Node's lib/url.js does it, quirks included (non-slashed protocols
// may climb into the host; '.' and '..' give a trailing slash).
Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }
  const result = new Url();
  for (const k of Object.keys(this)) result[k] = this[k];
  result.hash = relative.hash;
  if (relative.href === '') { result.href = result.format(); return result; }
  if (relative.slashes && !relative.protocol) {
    for (const k of Object.keys(relative)) if (k !== 'protocol') result[k] = relative[k];
    if (legacySlashed.has(result.protocol) && result.hostname && !result.pathname) result.path = result.pathname = '/';
    result.href = result.format();
    return result;
  }
  if (relative.protocol && relative.protocol !== result.protocol) {
    if (!legacySlashed.has(relative.protocol)) {
      for (const k of Object.keys(relative)) result[k] = relative[k];
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !legacyHostless.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else result.pathname = relative.pathname;
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }
  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !legacySlashed.has(result.protocol);
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) { if (srcPath[0] === '') srcPath[0] = result.host; else srcPath.unshift(result.host); }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) { if (relPath[0] === '') relPath[0] = relative.host; else relPath.unshift(relative.host); }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }
  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      const authInHost = result.host && result.host.indexOf('@') > 0 && result.host.split('@');
      if (authInHost) { result.auth = authInHost.shift(); result.host = result.hostname = authInHost.shift(); }
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    result.href = result.format();
    return result;
  }
  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }
  let last = srcPath.slice(-1)[0];
  const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) || last === '';
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') srcPath.splice(i, 1);
    else if (last === '..') { srcPath.splice(i, 1); up++; }
    else if (up) { srcPath.splice(i, 1); up--; }
  }
  if (!mustEndAbs && !removeAllDots) while (up--) srcPath.unshift('..');
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) srcPath.unshift('');
  if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');
  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
    if (authInHost) { result.auth = authInHost.shift(); result.host = result.hostname = authInHost.shift(); }
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');
  if (!srcPath.length) { result.pathname = null; result.path = null; } else result.pathname = srcPath.join('/');
  if (result.pathname !== null || result.search !== null) result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};
const urlModule = {
  Url, parse: urlParse, resolve: urlResolve, resolveObject: urlResolveObject, format: urlFormat,
  URL, URLSearchParams,
  // Node's domainToASCII/domainToUnicode: the hostname setter's result on a ws: URL ('' when
  // it fails), then (for Unicode) UTS #46 ToUnicode of that.
  domainToASCII(domain) {
    if (arguments.length < 1) throw missingArgs('domain');
    domain = `${domain}`;
    if (domain === '') return '';
    const rec = basicURLParse('ws://x', null);
    const r = basicURLParse(toUSV(domain), null, rec, S_HOSTNAME);
    return r === URL_FAILURE ? '' : rec.host;
  },
  domainToUnicode(domain) {
    if (arguments.length < 1) throw missingArgs('domain');
    const ascii = urlModule.domainToASCII(`${domain}`);
    if (ascii === '') return '';
    const u = ops.op_domain_to_unicode(ascii);
    return u === null ? '' : u;
  },
  pathToFileURL, fileURLToPath,
  // The options object http.request takes, from a URL (an IPv6 hostname without brackets).
  urlToHttpOptions(url) {
    const options = {
      protocol: url.protocol,
      hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      hash: url.hash,
      search: url.search,
      pathname: url.pathname,
      path: `${url.pathname || ''}${url.search || ''}`,
      href: url.href,
    };
    if (url.port !== '') options.port = Number(url.port);
    if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return options;
  },
};
