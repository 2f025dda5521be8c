// util.inspect of proxies runs none of their traps (the target is shown; with showProxy, target
// and handler), and names null-prototype objects after V8's class name.
const util = require('util');
const trap = () => { throw new Error('a trap ran'); };
const handler = { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap, has: trap };
const p = new Proxy({ a: 1, nested: { b: [1, 2] } }, handler);
console.log(util.inspect(p));
console.log(util.inspect(p, { showProxy: true }));
console.log(util.inspect(new Proxy([1, 2, 3], {}), { showProxy: true }));
console.log(util.inspect(new Proxy(function named() {}, {})));
const { proxy, revoke } = Proxy.revocable({}, {});
revoke();
console.log(util.inspect(proxy), util.inspect(proxy, { showProxy: true }));
console.log(util.format('%s', p));
console.log(util.inspect({ inner: p }, { showProxy: true, depth: 0 }));

class Foo { toString() { return 'Bar'; } }
console.log(util.format('%s', Object.setPrototypeOf(new Foo(), null)));
console.log(util.inspect(Object.setPrototypeOf(new Foo(), null)));
const chain = Object.create(Object.create(null));
chain.x = 1;
console.log(util.inspect(chain));
console.log(util.inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)));
