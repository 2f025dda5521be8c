// HTTPS against a server whose certificate comes from a test CA: trusted only when
// NODE_EXTRA_CA_CERTS names that CA (the test runs this file with and without it).
const base = process.env.FETCH_BASE;
const trusted = process.env.FETCH_TRUSTED === '1'; // NODE_EXTRA_CA_CERTS is the test CA
console.log('trusting the test CA:', trusted);
try {
  const r = await fetch(`${base}/json`);
  console.log('ok', r.status, r.url.startsWith('https://127.0.0.1:'), (await r.json()).name);
  const echo = await (await fetch(`${base}/redirect/307?to=/echo`, { method: 'POST', body: 'over tls' })).json();
  console.log('post', echo.method, echo.body);
} catch (e) {
  console.log(e.name, e.message, '-', e.cause.code, '-', e.cause.message);
}
if (trusted) {
  // The certificate names 127.0.0.1 only.
  try { await fetch(base.replace('127.0.0.1', 'localhost')); } catch (e) { console.log(e.message, '-', e.cause.code); }
}
