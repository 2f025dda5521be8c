console.log('start');
function inner() { throw new TypeError('bad thing happened'); }
try { inner(); } catch (e) { console.log(e.name, e.message, e instanceof TypeError, e.stack.split('\n')[1].includes('inner')); }
const e = new Error('with props');
e.code = 'E_CUSTOM';
console.log(Object.keys(e), e.code);
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
console.log(String(new MyError('custom')), new MyError('x') instanceof Error);
setTimeout(() => { null.prop; }, 1);
