// process.stdin as a Readable: with the empty stdin the test harness gives, 'end' fires with
// no data, followed by 'close'.
const { Readable } = require('stream');
const stdin = process.stdin;
console.log('is a Readable', stdin instanceof Readable, stdin.fd, typeof stdin.on, typeof stdin.setEncoding);
console.log('not flowing yet', stdin.readableFlowing);
let bytes = 0, chunks = 0;
const events = [];
stdin.on('data', (d) => { chunks += 1; bytes += d.length; });
stdin.on('end', () => { events.push('end'); console.log('end', chunks, bytes); });
stdin.on('close', () => { events.push('close'); console.log('events', events, stdin.readableEnded); });
console.log('flowing after on(data)', stdin.readableFlowing);
