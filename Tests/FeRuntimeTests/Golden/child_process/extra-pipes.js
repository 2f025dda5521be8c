// A 'pipe' past stderr is a duplex socket on both sides: the parent's child.stdio[3] is a
// net.Socket it reads and writes, the child's fd 3 one it opens with net.Socket({ fd: 3 }).
const { spawn } = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  const channel = new net.Socket({ fd: 3, readable: true, writable: true });
  channel.once('data', (d) => channel.end(`child got ${d}`));
} else {
  const child = spawn(process.execPath, [__filename, 'child'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  const extra = child.stdio[3];
  console.log(extra instanceof net.Socket, extra.readable, extra.writable, child.stdio.length);
  let got = '';
  extra.setEncoding('utf8');
  extra.on('data', (d) => { got += d; });
  extra.write('hello');
  child.on('close', (code) => console.log(JSON.stringify(got), 'exit', code));
}
