// node:inspector's errors, as Node's.
const inspector = require('inspector');
const { Session } = inspector;

const show = (f) => {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
};

const session = new Session();
show(() => session.post('Runtime.evaluate', { expression: '1' }));
session.connect();
show(() => session.connect());
show(() => session.post(42));
show(() => session.post('Runtime.evaluate', 'not an object'));
show(() => session.post('Runtime.evaluate', [1]));
show(() => session.post('Runtime.evaluate', {}, 'not a function'));

// An unknown method and bad parameters come back as ERR_INSPECTOR_COMMAND.
session.post('Nope.nothing', (err, result) => console.log(err.name, err.code, err.message, result));
session.post('Runtime.evaluate', { expression: 42 }, (err) => console.log(err.code, err.message));

// Callbacks still pending at disconnect get ERR_INSPECTOR_CLOSED, on the next tick.
session.post('Debugger.enable', () => {
  session.post('Runtime.evaluate', { expression: 'new Promise(() => {})', awaitPromise: true }, (err) => {
    console.log('pending callback:', err.code, err.message);
  });
  session.disconnect();
  console.log('disconnect returned first');
  session.disconnect();  // twice is fine
});

show(() => inspector.waitForDebugger());
console.log('url:', inspector.url());
show(() => inspector.close());
show(() => new Session().connectToMainThread());
// Node 18's exports (node 20 adds Network).
console.log('exports:', ['Session', 'close', 'console', 'open', 'url', 'waitForDebugger'].every((k) => k in inspector));
console.log('console is V8\'s:', typeof inspector.console.log, inspector.console !== console);
