// punycode: RFC 3492 Punycode and IDNA's ToASCII/ToUnicode label mapping, with the API and the
// error messages of punycode.js 2.1.0, the version Node bundles.
// Uses from earlier files: 00-core.js (core); 05-process.js (process); 10-builtins.js (registerLazyBuiltin).
(() => {
  const maxInt = 2147483647;
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128;
  const separators = /[\x2E\u3002\uFF0E\uFF61]/g;
  const messages = {
    overflow: 'Overflow: input needs wider integers to process',
    'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
    'invalid-input': 'Invalid input',
  };
  const fail = (type) => { throw new RangeError(messages[type]); };

  // UTF-16 to code points; a surrogate without its partner stays a code point of its own.
  function ucs2decode(string) {
    const out = [];
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < string.length) {
        const next = string.charCodeAt(i + 1);
        if ((next & 0xfc00) === 0xdc00) {
          out.push(((c & 0x3ff) << 10) + (next & 0x3ff) + 0x10000);
          i++;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  }
  const ucs2encode = (codePoints) => String.fromCodePoint(...codePoints);

  const digitOf = (c) => (c >= 0x30 && c < 0x3a ? c - 0x16 : c >= 0x41 && c < 0x5b ? c - 0x41 : c >= 0x61 && c < 0x7b ? c - 0x61 : base);
  const basicOf = (d) => d + 22 + 75 * (d < 26 ? 1 : 0); // 0..25 -> a..z, 26..35 -> 0..9
  const threshold = (k, bias) => (k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias);

  function adapt(delta, numPoints, firstTime) {
    delta = firstTime ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    let k = 0;
    for (; delta > ((base - tMin) * tMax) >> 1; k += base) delta = Math.floor(delta / (base - tMin));
    return Math.floor(k + ((base - tMin + 1) * delta) / (delta + skew));
  }

  function decode(input) {
    const output = [];
    let basic = input.lastIndexOf('-');
    if (basic < 0) basic = 0;
    for (let j = 0; j < basic; j++) {
      if (input.charCodeAt(j) >= 0x80) fail('not-basic');
      output.push(input.charCodeAt(j));
    }
    let n = initialN, bias = initialBias, i = 0;
    for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
      const oldi = i;
      for (let w = 1, k = base; ; k += base) {
        if (index >= input.length) fail('invalid-input');
        const digit = digitOf(input.charCodeAt(index++));
        if (digit >= base) fail('invalid-input');
        if (digit > Math.floor((maxInt - i) / w)) fail('overflow');
        i += digit * w;
        const t = threshold(k, bias);
        if (digit < t) break;
        if (w > Math.floor(maxInt / (base - t))) fail('overflow');
        w *= base - t;
      }
      const count = output.length + 1;
      bias = adapt(i - oldi, count, oldi === 0);
      if (Math.floor(i / count) > maxInt - n) fail('overflow');
      n += Math.floor(i / count);
      i %= count;
      output.splice(i++, 0, n);
    }
    return String.fromCodePoint(...output);
  }

  function encode(input) {
    const codePoints = ucs2decode(input);
    const output = [];
    for (const c of codePoints) if (c < 0x80) output.push(String.fromCharCode(c));
    const basicLength = output.length;
    let handled = basicLength;
    if (basicLength) output.push('-');
    let n = initialN, delta = 0, bias = initialBias;
    while (handled < codePoints.length) {
      let m = maxInt;
      for (const c of codePoints) if (c >= n && c < m) m = c;
      if (m - n > Math.floor((maxInt - delta) / (handled + 1))) fail('overflow');
      delta += (m - n) * (handled + 1);
      n = m;
      for (const c of codePoints) {
        if (c < n && ++delta > maxInt) fail('overflow');
        if (c !== n) continue;
        let q = delta;
        for (let k = base; ; k += base) {
          const t = threshold(k, bias);
          if (q < t) break;
          output.push(String.fromCharCode(basicOf(t + ((q - t) % (base - t)))));
          q = Math.floor((q - t) / (base - t));
        }
        output.push(String.fromCharCode(basicOf(q)));
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
      delta++;
      n++;
    }
    return output.join('');
  }

  // Applies fn to each label of a domain (or of the part after '@' in an email address).
  function mapDomain(domain, fn) {
    const parts = domain.split('@');
    let prefix = '';
    if (parts.length > 1) {
      prefix = `${parts[0]}@`;
      domain = parts[1];
    }
    return prefix + domain.replace(separators, '.').split('.').map(fn).join('.');
  }

  const toUnicode = (input) => mapDomain(input, (label) => (/^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label));
  const toASCII = (input) => mapDomain(input, (label) => (/[^\0-\x7F]/.test(label) ? `xn--${encode(label)}` : label));

  const punycode = { version: '2.1.0', ucs2: { decode: ucs2decode, encode: ucs2encode }, decode, encode, toASCII, toUnicode };
  // Node 18 warns (DEP0040) when the module is first loaded under --pending-deprecation.
  registerLazyBuiltin('punycode', () => {
    if (core.nodeFlags?.pendingDeprecation) {
      process.emitWarning('The `punycode` module is deprecated. Please use a userland alternative instead.', 'DeprecationWarning', 'DEP0040');
    }
    return punycode;
  });
})();
