// Old code builds emitters and streams with util.inherits and calls the constructors as
// functions; Node's EventEmitter is a function with enumerable prototype methods.
const EventEmitter = require('events');
const util = require('util');
const { Stream, Readable } = require('stream');

function Foo() { EventEmitter.call(this); this.name = 'foo'; }
util.inherits(Foo, EventEmitter);
const f = new Foo();
f.on('x', (v) => console.log('got', v, f.name));
f.emit('x', 1);
console.log('instanceof', f instanceof EventEmitter, typeof EventEmitter, EventEmitter.length);
console.log('enumerable', ['on', 'emit', 'once', 'removeListener'].every((k) => Object.keys(EventEmitter.prototype).includes(k)));

const plain = {};
EventEmitter.call(plain);
console.log('plain object', typeof plain._events, plain._eventsCount);

class Sub extends EventEmitter {
  constructor() { super(); this.count = 0; this.on('tick', () => this.count++); }
}
const s = new Sub();
s.emit('tick'); s.emit('tick');
console.log('class extends', s.count, s.listenerCount('tick'));

function S() { Stream.call(this); }
util.inherits(S, Stream);
console.log('Stream.call', new S() instanceof EventEmitter);
function R() { Readable.call(this, { read() {} }); }
util.inherits(R, Readable);
const r = new R();
r.on('data', (d) => console.log('data', String(d)));
r.push('hi');
r.push(null);
console.log(Object.prototype.toString.call(process));
