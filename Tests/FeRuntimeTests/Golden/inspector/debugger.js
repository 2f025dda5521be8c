// Debugger domain round trips from an in-process session: a breakpoint, a `debugger` statement
// and Debugger.pause each stop the program; the listener runs inside the pause (where it can
// evaluate on the paused frame), and the program goes on when it returns.
const { Session } = require('inspector');
const { pathToFileURL } = require('url');

function add(a, b) {
  const sum = a + b;
  return sum;
}

const session = new Session();
session.connect();
const events = [];
const thisFile = pathToFileURL(__filename).href;
let thisScript;
session.on('Debugger.paused', ({ params }) => {
  // Debugger.pause stops inside the runtime's own post() (in Node too): report this file's frame.
  const frame = params.callFrames.find((f) => f.location.scriptId === thisScript);
  session.post('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: 'typeof a === "number" ? a * 100 : "n/a"' },
    (err, { result }) => {
      events.push(`paused (${params.reason}) in ${frame.functionName || '(top)'} at line ${frame.location.lineNumber + 1}` +
        `, hit ${params.hitBreakpoints.length} breakpoint(s), a*100 = ${result.value}`);
    });
  session.post('Debugger.resume');
});
session.on('Debugger.resumed', () => events.push('resumed'));

let scripts = 0;
session.on('Debugger.scriptParsed', ({ params }) => {
  if (params.url === thisFile) {
    scripts++;
    thisScript = params.scriptId;
  }
});
session.post('Debugger.enable', (err, { debuggerId }) => events.push(`enabled: ${typeof debuggerId}`));
events.push(`this file reported as parsed: ${scripts === 1}`);

// A breakpoint on `const sum = a + b;` (line 8; the protocol counts from 0).
session.post('Debugger.setBreakpointByUrl', { url: pathToFileURL(__filename).href, lineNumber: 7 }, (err, { breakpointId, locations }) => {
  events.push(`breakpoint set: ${typeof breakpointId}, resolved at line ${locations[0].lineNumber + 1}`);
  console.log('add(2, 3) =', add(2, 3));
  session.post('Debugger.removeBreakpoint', { breakpointId });
  console.log('add(4, 5) =', add(4, 5), '(no stop)');
});

function withDebuggerStatement(a) {
  debugger;
  return a;
}
withDebuggerStatement(7);

// Debugger.pause stops at the next statement that runs.
session.post('Debugger.pause', () => events.push('pause requested'));
add(1, 1);

session.post('Debugger.disable');
session.disconnect();
console.log(events.join('\n'));
