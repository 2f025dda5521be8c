// punycode: RFC 3492 and IDNA label mapping, punycode.js 2.1.0's API and errors.
const punycode = require('punycode');
console.log(punycode.version, Object.keys(punycode).join(' '), Object.keys(punycode.ucs2).join(' '));
for (const s of ['mañana', 'bücher', 'ü', 'abc', '', '日本語', '😀', 'Bahnhof-ß', 'ZZZ-ü-ZZZ', '-> $1.00 <-']) {
  const encoded = punycode.encode(s);
  console.log(JSON.stringify(s), JSON.stringify(encoded), punycode.decode(encoded) === s);
}
for (const d of ['mañana.com', '例え.テスト', 'user@bücher.de', 'a@b@ü.com', 'xn--ls8h.la', 'MAÑANA。COM', 'ascii.only']) {
  console.log(d, punycode.toASCII(d), punycode.toUnicode(punycode.toASCII(d)));
}
console.log(punycode.toUnicode('xn--MAANA-PTA.com'), punycode.toUnicode('xn--bcher-kva.example'));
console.log(punycode.ucs2.decode('\uD834\uDF06x\uD800'), punycode.ucs2.encode([0x1d306, 65]));
for (const bad of ['ü-', 'a-!', '99999999999999999999', 'zzzzzzzzzzzzz', 'ab-cd-']) {
  try {
    console.log(JSON.stringify(punycode.decode(bad)));
  } catch (e) {
    console.log(e.name, e.message);
  }
}
