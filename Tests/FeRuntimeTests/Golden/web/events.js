// Event, CustomEvent and EventTarget with Node's semantics.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const et = new EventTarget();
const log = [];
et.addEventListener('x', (e) => log.push(['first', e.type, e.eventPhase, e.currentTarget === et, e.target === et]));
et.addEventListener('x', function (e) { log.push(['second', e.eventPhase, e.currentTarget, this === et]); });
const ev = new Event('x');
t('dispatch returns true', () => et.dispatchEvent(ev));
t('listeners ran in order', () => log);
t('after dispatch', () => [ev.eventPhase, ev.target === et, ev.currentTarget, ev.composedPath()]);
t('event defaults', () => { const e = new Event('e'); return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.isTrusted, e.returnValue, e.cancelBubble, e.target, typeof e.timeStamp]; });
t('event options', () => { const e = new Event('e', { bubbles: true, cancelable: true, composed: true }); return [e.bubbles, e.cancelable, e.composed]; });
t('phases', () => [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE]);
t('preventDefault', () => {
  const e = new Event('p', { cancelable: true });
  const target = new EventTarget();
  target.addEventListener('p', (ev2) => ev2.preventDefault());
  return [target.dispatchEvent(e), e.defaultPrevented, e.returnValue];
});
t('preventDefault ignored when not cancelable', () => { const e = new Event('p'); e.preventDefault(); return [e.defaultPrevented, e.returnValue]; });
t('duplicate listener ignored; capture distinguishes', () => {
  const target = new EventTarget();
  let n = 0;
  const f = () => n++;
  target.addEventListener('a', f);
  target.addEventListener('a', f);
  target.addEventListener('a', f, true);
  target.dispatchEvent(new Event('a'));
  target.removeEventListener('a', f);
  target.dispatchEvent(new Event('a'));
  target.removeEventListener('a', f, { capture: true });
  target.dispatchEvent(new Event('a'));
  return n;
});
t('once', () => {
  const target = new EventTarget();
  let n = 0;
  target.addEventListener('o', () => n++, { once: true });
  target.dispatchEvent(new Event('o'));
  target.dispatchEvent(new Event('o'));
  return n;
});
t('signal removes listener', () => {
  const target = new EventTarget();
  const ac = new AbortController();
  let n = 0;
  target.addEventListener('s', () => n++, { signal: ac.signal });
  target.dispatchEvent(new Event('s'));
  ac.abort();
  target.dispatchEvent(new Event('s'));
  target.addEventListener('s', () => n++, { signal: ac.signal });
  target.dispatchEvent(new Event('s'));
  return n;
});
t('handleEvent object', () => {
  const target = new EventTarget();
  const obj = { seen: null, handleEvent(e) { this.seen = [e.type, this === obj]; } };
  target.addEventListener('h', obj);
  target.dispatchEvent(new Event('h'));
  return obj.seen;
});
t('stopImmediatePropagation', () => {
  const target = new EventTarget();
  const seen = [];
  target.addEventListener('i', (e) => { seen.push(1); e.stopImmediatePropagation(); });
  target.addEventListener('i', () => seen.push(2));
  target.dispatchEvent(new Event('i'));
  return seen;
});
t('listener removed during dispatch is skipped; added is not called', () => {
  const target = new EventTarget();
  const seen = [];
  const second = () => seen.push('second');
  target.addEventListener('r', () => { seen.push('first'); target.removeEventListener('r', second); target.addEventListener('r', () => seen.push('late')); });
  target.addEventListener('r', second);
  target.dispatchEvent(new Event('r'));
  target.dispatchEvent(new Event('r'));
  return seen;
});
t('recursion', () => {
  const target = new EventTarget();
  const e = new Event('rec');
  let err;
  target.addEventListener('rec', () => { try { target.dispatchEvent(e); } catch (x) { err = [x.code, x.message]; } });
  target.dispatchEvent(e);
  return err;
});
t('CustomEvent', () => [new CustomEvent('c', { detail: { x: 1 } }).detail, new CustomEvent('c').detail, new CustomEvent('c') instanceof Event]);
t('null listener ignored', () => et.addEventListener('n', null));
t('bad listener', () => et.addEventListener('n', 5));
t('missing args', () => et.addEventListener('n'));
t('bad signal', () => et.addEventListener('n', () => {}, { signal: 1 }));
t('dispatch non-event', () => et.dispatchEvent({ type: 'x' }));
t('Event without type', () => new Event());
t('Event bad options', () => new Event('x', 5));
t('inspect EventTarget', () => new EventTarget());
t('tags', () => [Object.prototype.toString.call(new Event('x')), Object.prototype.toString.call(new CustomEvent('x')), Object.prototype.toString.call(et)]);
t('keys', () => [Object.keys(new Event('x')), Object.keys(new EventTarget())]);
process.on('uncaughtException', (e) => console.log('uncaught after dispatch:', e.message));
const thrower = new EventTarget();
thrower.addEventListener('boom', () => { throw new Error('listener failed'); });
thrower.addEventListener('boom', () => console.log('next listener still runs'));
t('throwing listener', () => thrower.dispatchEvent(new Event('boom')));
