// diagnostics_channel: channels, subscribers, stores and tracing channels, as Node 18.20's.
const dc = require('diagnostics_channel');
const c = dc.channel('fe:test');
console.log(c === dc.channel('fe:test'), c instanceof dc.Channel, c.name, c.hasSubscribers, dc.hasSubscribers('fe:test'));
const seen = [];
const onMessage = (msg, name) => seen.push([msg.n, name]);
dc.subscribe('fe:test', onMessage);
console.log(c.hasSubscribers, dc.hasSubscribers('fe:test'), dc.hasSubscribers('nobody'));
c.publish({ n: 1 });
c.publish({ n: 2 });
console.log(JSON.stringify(seen));
console.log(dc.unsubscribe('fe:test', onMessage), dc.unsubscribe('fe:test', onMessage), c.hasSubscribers);
try { c.subscribe(42); } catch (e) { console.log(e.code); }

const sym = Symbol('s');
console.log(dc.channel(sym).name === sym);

// A subscriber that throws: the others still run; its error comes on the next tick.
process.once('uncaughtException', (e) => console.log('uncaught later:', e.message));
const t = dc.channel('throws');
t.subscribe(() => { throw new Error('boom'); });
t.subscribe(() => console.log('second subscriber ran'));
t.publish({});
console.log('after publish');

// Stores: bindStore / runStores with a store that has run(value, fn).
const store = { value: undefined, run(v, fn) { const prev = this.value; this.value = v; try { return fn(); } finally { this.value = prev; } } };
const s = dc.channel('stores');
s.bindStore(store, (data) => ({ wrapped: data.id }));
const r = s.runStores({ id: 7 }, function (a, b) { return [this.tag, a + b, store.value.wrapped]; }, { tag: 'this' }, 2, 3);
console.log(JSON.stringify(r), store.value, s.unbindStore(store), s.unbindStore(store));

// Tracing channels.
const tc = dc.tracingChannel('op');
const events = [];
const handlers = Object.fromEntries(['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map((e) => [e, (ctx) => events.push(`${e}:${ctx.result ?? (ctx.error && ctx.error.message) ?? '-'}`)]));
tc.subscribe(handlers);
console.log(tc.start.name, tc.error.name);
console.log(tc.traceSync((a) => a * 2, {}, null, 21));
try { tc.traceSync(() => { throw new Error('sync fail'); }); } catch (e) { console.log('caught', e.message); }
tc.traceCallback((x, cb) => setImmediate(() => cb(null, x + 1)), -1, {}, null, 1, (err, v) => {
  console.log('callback', err, v);
  tc.tracePromise(async () => 'done').then((v) => {
    console.log('promise', v);
    console.log(events.join(' '));
    console.log(tc.unsubscribe(handlers), tc.unsubscribe(handlers));
  });
});
