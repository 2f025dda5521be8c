// atob and btoa: WHATWG forgiving base64 with Node's InvalidCharacterError DOMExceptions.
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message, e instanceof DOMException); }
};
for (const s of ['aGk=', 'aGk', 'aGk==', ' aG k=\n', '\taGk\f', 'YQ', 'YR==', 'abc=', '', 'a', 'ab', 'abc', 'abcd', 'a===', 'ab=cd',
  '=aGk', 'aGk=a', 'aG=k', 'a-_b', 'aGk.', 'YQ\u00a0', 'ab\u0100c', '//79']) {
  t(`atob ${JSON.stringify(s)}`, () => atob(s));
}
t('atob null', () => atob(null));
t('atob undefined', () => atob(undefined));
t('atob number', () => atob(1234));
t('atob missing', () => atob());
t('btoa', () => [btoa('hi'), btoa(''), btoa('\u00ff\u00fe'), btoa(null), btoa(undefined), btoa(12)]);
t('btoa non-latin1', () => btoa('€'));
t('btoa missing', () => btoa());
t('round trip all bytes', () => { let s = ''; for (let i = 0; i < 256; i++) s += String.fromCharCode(i); return atob(btoa(s)) === s; });
