// node:inspector's in-process Session: responses arrive synchronously, inside post(), with the
// callback's (error, result); notifications are emitted by method name and as inspectorNotification.
const inspector = require('node:inspector');
const { Session } = inspector;

const session = new Session();
session.connect();
let sync = true;
session.post('Runtime.evaluate', { expression: '6 * 7' }, (err, result) => {
  console.log('evaluate:', err, JSON.stringify(result), 'synchronous:', sync);
});
sync = false;

session.post('Runtime.evaluate', { expression: '({ a: 1, b: [2, 3] })', returnByValue: true }, (err, { result }) => {
  console.log('by value:', result.type, JSON.stringify(result.value));
});

session.post('Runtime.evaluate', { expression: 'throw new TypeError("boom")' }, (err, { result, exceptionDetails }) => {
  console.log('thrown:', result.className, exceptionDetails.exception.description.split('\n')[0]);
});

// Runtime.enable reports the main context at once.
let contexts = 0;
session.on('Runtime.executionContextCreated', ({ params }) => {
  contexts++;
  console.log('context:', params.context.id > 0, JSON.stringify(params.context.auxData));
});
let notifications = 0;
session.on('inspectorNotification', () => notifications++);
session.post('Runtime.enable', (err, result) => console.log('enabled:', err, JSON.stringify(result)));
console.log('contexts:', contexts, 'notifications so far > 0:', notifications > 0);

// console.* reaches the inspector's console domain while a session is connected.
session.on('Runtime.consoleAPICalled', ({ params }) => {
  console.error(`(consoleAPICalled ${params.type})`);
  seen.push([params.type, params.args.map((a) => a.value)]);
});
const seen = [];
console.log('to the console', 42);
console.warn('a warning');
session.removeAllListeners('Runtime.consoleAPICalled');
console.log('seen:', JSON.stringify(seen));

// A property of an object, through its remote object id.
session.post('Runtime.evaluate', { expression: 'globalThis.answer = { x: 1 }' }, (err, { result }) => {
  session.post('Runtime.getProperties', { objectId: result.objectId, ownProperties: true }, (err2, props) => {
    console.log('properties:', props.result.map((p) => `${p.name}=${p.value.value}`).join(','));
  });
});

// Several sessions at once, each with its own ids.
const other = new Session();
other.connect();
other.post('Runtime.evaluate', { expression: '"other"' }, (err, { result }) => console.log('other session:', result.value));
other.disconnect();

session.disconnect();
console.log('disconnected; console.log still works');
