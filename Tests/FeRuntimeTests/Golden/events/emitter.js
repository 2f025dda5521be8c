const EventEmitter = require('events');
const { once } = require('events');
const e = new EventEmitter();
const calls = [];
e.on('x', (a, b) => calls.push(`on ${a} ${b}`));
e.prependListener('x', () => calls.push('prepended'));
e.once('x', () => calls.push('once'));
console.log(e.emit('x', 1, 2), e.emit('x', 3, 4), e.emit('nothing'));
console.log(calls);
console.log(e.listenerCount('x'), e.eventNames());
function h() {}
e.on('y', h);
e.off('y', h);
console.log(e.listenerCount('y'));
try { e.emit('error', new Error('bad')); } catch (err) { console.log('threw', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
e.on('newListener', (name) => console.log('newListener', name));
e.on('z', () => {});
class My extends EventEmitter {}
const m = new My();
m.on('ev', function () { console.log('this is m', this === m); });
m.emit('ev');
console.log(EventEmitter.defaultMaxListeners, m.getMaxListeners());
e.removeAllListeners();
console.log(e.eventNames());
once(m, 'ready').then(([v]) => console.log('once resolved', v));
m.emit('ready', 42);
