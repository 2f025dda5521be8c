// querystring: Node's legacy query string codec. parse() walks the string once, matching
// (possibly multi-character) separators, turning '+' into a space and decoding a key or value
// only when it holds a valid %XX (or always, with a custom decoder); repeated keys collect into
// arrays; maxKeys (default 1000) caps the pairs. escape() is encodeURIComponent's character set
// done by hand, so a lone surrogate throws ERR_INVALID_URI as in Node.
// Uses from earlier files: 00-core.js (check); 02-errors.js (nodeError); 06-console.js (print); 10-builtins.js (registerBuiltin); 11-buffer.js (hexValue, Buffer).
(() => {
  const isHex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  const hexValue = (c) => (c <= 57 ? c - 48 : (c | 0x20) - 87);
  // Characters escape() leaves alone: A-Z a-z 0-9 - _ . ! ~ * ' ( )
  const unreserved = new Uint8Array(128);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") unreserved[ch.charCodeAt(0)] = 1;
  const hex = [];
  for (let i = 0; i < 256; i++) hex.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

  function escape(str) {
    if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : `${str}`;
    let out = '';
    let last = 0;
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c < 0x80 && unreserved[c] === 1) continue;
      if (last < i) out += str.slice(last, i);
      if (c < 0x80) {
        out += hex[c];
      } else if (c < 0x800) {
        out += hex[0xc0 | (c >> 6)] + hex[0x80 | (c & 0x3f)];
      } else if (c < 0xd800 || c >= 0xe000) {
        out += hex[0xe0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
      } else {
        // A surrogate: it and the next unit make one code point (Node does not check the pair).
        if (++i >= str.length) throw nodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
        c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
        out += hex[0xf0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3f)] + hex[0x80 | ((c >> 6) & 0x3f)] + hex[0x80 | (c & 0x3f)];
      }
      last = i + 1;
    }
    return last === 0 ? str : last < str.length ? out + str.slice(last) : out;
  }

  // %XX sequences to bytes; anything else is kept (as its low byte, as Node does).
  function unescapeBuffer(s, decodeSpaces) {
    s = `${s}`;
    const out = Buffer.allocUnsafe(s.length);
    let o = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 43 && decodeSpaces) {
        out[o++] = 32;
      } else if (c === 37 && i < s.length - 2 && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
        out[o++] = hexValue(s.charCodeAt(i + 1)) * 16 + hexValue(s.charCodeAt(i + 2));
        i += 2;
      } else {
        out[o++] = c;
      }
    }
    return o === s.length ? out : out.slice(0, o);
  }

  function unescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch {
      return qs.unescapeBuffer(s, decodeSpaces).toString();
    }
  }

  function decodeText(s, decode) {
    try {
      return decode(s);
    } catch {
      return qs.unescape(s, true);
    }
  }

  function addPair(obj, key, value, keyEncoded, valueEncoded, decode) {
    if (key.length > 0 && keyEncoded) key = decodeText(key, decode);
    if (value.length > 0 && valueEncoded) value = decodeText(value, decode);
    const current = obj[key];
    if (current === undefined) obj[key] = value;
    else if (Array.isArray(current)) current.push(value);
    else obj[key] = [current, value];
  }

  function parse(str, sep, eq, options) {
    const obj = { __proto__: null };
    if (typeof str !== 'string' || str.length === 0) return obj;
    sep = sep ? String(sep) : '&';
    eq = eq ? String(eq) : '=';
    let pairs = 1000;
    if (options && typeof options.maxKeys === 'number') pairs = options.maxKeys > 0 ? options.maxKeys : -1;
    let decode = qs.unescape;
    if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
    const customDecode = decode !== unescape;
    const plus = customDecode ? '%20' : ' ';

    let key = '', value = '';
    let last = 0, sepAt = 0, eqAt = 0;
    let keyEncoded = customDecode, valueEncoded = customDecode;
    let hexRun = 0; // 1 after '%', 2 and 3 after hex digits: 3 means a valid escape was seen
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c === sep.charCodeAt(sepAt)) {
        if (++sepAt === sep.length) {
          const end = i - sepAt + 1;
          if (eqAt < eq.length) {
            // No key/value separator: the whole piece is the key.
            if (last < end) {
              key += str.slice(last, end);
            } else if (key.length === 0) {
              // Nothing between two separators: no pair, but it counts toward maxKeys.
              if (--pairs === 0) return obj;
              last = i + 1;
              sepAt = eqAt = 0;
              continue;
            }
          } else if (last < end) {
            value += str.slice(last, end);
          }
          addPair(obj, key, value, keyEncoded, valueEncoded, decode);
          if (--pairs === 0) return obj;
          keyEncoded = valueEncoded = customDecode;
          key = value = '';
          hexRun = 0;
          last = i + 1;
          sepAt = eqAt = 0;
        }
        continue;
      }
      sepAt = 0;
      if (eqAt < eq.length) {
        if (c === eq.charCodeAt(eqAt)) {
          if (++eqAt === eq.length) {
            const end = i - eqAt + 1;
            if (last < end) key += str.slice(last, end);
            hexRun = 0;
            last = i + 1;
          }
          continue;
        }
        eqAt = 0;
        if (!keyEncoded) {
          if (c === 37) { hexRun = 1; continue; }
          if (hexRun > 0) {
            if (isHex(c)) {
              if (++hexRun === 3) keyEncoded = true;
              continue;
            }
            hexRun = 0;
          }
        }
        if (c === 43) {
          if (last < i) key += str.slice(last, i);
          key += plus;
          last = i + 1;
        }
        continue;
      }
      if (c === 43) {
        if (last < i) value += str.slice(last, i);
        value += plus;
        valueEncoded = true;
        last = i + 1;
      } else if (!valueEncoded) {
        if (c === 37) hexRun = 1;
        else if (hexRun > 0 && isHex(c)) { if (++hexRun === 3) valueEncoded = true; } else hexRun = 0;
      }
    }
    // What follows the last separator.
    if (last < str.length) {
      if (eqAt < eq.length) key += str.slice(last);
      else if (sepAt < sep.length) value += str.slice(last);
    } else if (eqAt === 0 && key.length === 0) {
      return obj;
    }
    addPair(obj, key, value, keyEncoded, valueEncoded, decode);
    return obj;
  }

  function primitiveText(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
    if (typeof v === 'bigint') return `${v}`;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return '';
  }

  function stringify(obj, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    let encode = qs.escape;
    if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
    const convert = encode === escape
      ? (v) => {
        if (typeof v === 'string') return v.length ? encode(v) : '';
        // 1e21 and up print with a '+', which needs escaping.
        if (typeof v === 'number' && Number.isFinite(v)) return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
        return primitiveText(v);
      }
      : (v) => encode(primitiveText(v));
    if (obj === null || typeof obj !== 'object') return '';
    let fields = '';
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      const ks = convert(k) + eq;
      if (Array.isArray(v)) {
        if (v.length === 0) continue;
        if (fields) fields += sep;
        for (let j = 0; j < v.length; j++) {
          if (j) fields += sep;
          fields += ks + convert(v[j]);
        }
      } else {
        if (fields) fields += sep;
        fields += ks + convert(v);
      }
    }
    return fields;
  }

  const qs = { unescapeBuffer, unescape, escape, stringify, encode: stringify, parse, decode: parse };
  registerBuiltin('querystring', qs);
})();
