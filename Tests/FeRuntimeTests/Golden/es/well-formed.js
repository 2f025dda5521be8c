// String.prototype.isWellFormed / toWellFormed (ES2024): lone surrogates, ToString of the receiver.
const isCtor = (f) => { try { Reflect.construct(String, [], f); return true; } catch { return false; } };
for (const k of ['isWellFormed', 'toWellFormed']) {
  const d = Object.getOwnPropertyDescriptor(String.prototype, k);
  console.log(k, d.value.name, d.value.length, d.writable, d.enumerable, d.configurable, isCtor(d.value));
}
const hex = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
const cases = ['', 'abc', '\ud83d\ude00', '\ud800', '\udc00', 'a\ud800b', 'a\udc00\ud800b', '\ud800\ud800\udc00', '\ud83d\ude00\ude00', 'x\udbff', '\udfffx'];
for (const s of cases) console.log(hex(s) || "(empty)", s.isWellFormed(), hex(s.toWellFormed()), s.toWellFormed() === s);
const err = (f) => { try { return String(f()); } catch (e) { return e.constructor.name; } };
console.log(err(() => String.prototype.isWellFormed.call(null)), err(() => String.prototype.toWellFormed.call(undefined)));
console.log(err(() => String.prototype.isWellFormed.call(Symbol())), err(() => String.prototype.toWellFormed.call(Symbol())));
console.log(String.prototype.isWellFormed.call(123), String.prototype.toWellFormed.call(true), String.prototype.isWellFormed.call({ toString() { return '\ud800'; } }));
console.log(String.prototype.toWellFormed.call(['\udc00', 'a']).length, typeof String.prototype.toWellFormed.call(new String('x')));
