// AbortController and AbortSignal: abort(reason), onabort, throwIfAborted, abort(), timeout(), any().
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const ac = new AbortController();
const seen = [];
t('fresh signal', () => [ac.signal.aborted, ac.signal.reason, ac.signal.onabort, ac.signal === ac.signal]);
ac.signal.onabort = (e) => seen.push(['onabort', e.type, e.isTrusted, e.target === ac.signal]);
ac.signal.addEventListener('abort', () => seen.push(['listener', ac.signal.aborted]));
t('throwIfAborted before abort', () => ac.signal.throwIfAborted());
ac.abort();
ac.abort('ignored: only the first abort counts');
t('aborted', () => [ac.signal.aborted, seen]);
t('default reason', () => { const r = ac.signal.reason; return [r instanceof DOMException, r.name, r.message, r.code]; });
t('throwIfAborted throws the reason', () => ac.signal.throwIfAborted());
t('custom reason', () => { const c = new AbortController(); c.abort('why'); return [c.signal.reason, (() => { try { c.signal.throwIfAborted(); } catch (e) { return e; } })()]; });
t('undefined reason uses default', () => { const c = new AbortController(); c.abort(undefined); return c.signal.reason.name; });
t('onabort setter replaces in place', () => {
  const c = new AbortController();
  const order = [];
  c.signal.onabort = () => order.push('a');
  c.signal.addEventListener('abort', () => order.push('listener'));
  c.signal.onabort = () => order.push('b');
  c.abort();
  return order;
});
t('onabort null', () => { const c = new AbortController(); c.signal.onabort = () => {}; c.signal.onabort = null; return c.signal.onabort; });
t('AbortSignal.abort', () => { const s = AbortSignal.abort(); return [s.aborted, s.reason.name]; });
t('AbortSignal.abort reason', () => AbortSignal.abort(42).reason);
t('inspect', () => [new AbortController(), AbortSignal.abort()]);
t('instanceof', () => [ac.signal instanceof AbortSignal, ac.signal instanceof EventTarget, Object.prototype.toString.call(ac.signal), Object.prototype.toString.call(ac)]);
t('new AbortSignal', () => new AbortSignal());
t('timeout bad delay', () => AbortSignal.timeout(-1));
t('timeout not a number', () => AbortSignal.timeout('10'));
t('timeout fractional', () => AbortSignal.timeout(1.5));
t('any with an aborted signal', () => { const s = AbortSignal.any([new AbortController().signal, AbortSignal.abort('first')]); return [s.aborted, s.reason]; });
t('any follows its sources', () => {
  const a = new AbortController(), b = new AbortController();
  const s = AbortSignal.any([a.signal, b.signal]);
  const before = s.aborted;
  b.abort('from b');
  a.abort('from a');
  return [before, s.aborted, s.reason];
});
t('any empty', () => AbortSignal.any([]).aborted);
t('any bad', () => AbortSignal.any([1]));
t('any not array', () => AbortSignal.any('x'));
const ts = AbortSignal.timeout(20);
ts.addEventListener('abort', () => {
  console.log('timeout fired', ts.aborted, ts.reason.name, ts.reason.message, ts.reason.code);
});
setTimeout(() => console.log('after timeout', ts.aborted), 60);
// An unref'd timeout alone does not keep the process alive: this one never fires.
AbortSignal.timeout(60000).addEventListener('abort', () => console.log('never'));
