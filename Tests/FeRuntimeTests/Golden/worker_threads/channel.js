// MessageChannel within one thread: structured clone, transfer lists, close on both ends.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const bytes = new Uint8Array([1, 2, 3]);
port1.postMessage({ bytes }, [bytes.buffer]);
console.log('sender after transfer:', bytes.byteLength);
console.log(receiveMessageOnPort(port2).message.bytes);
try { port1.postMessage(() => 1); } catch (e) { console.log(e.name, e.message); }
try { port1.postMessage(1, [port1]); } catch (e) { console.log(e.name, e.message); }
const inner = new MessageChannel();
try { port1.postMessage({ p: inner.port1 }); } catch (e) { console.log(e.code); }
port2.on('message', (m) => console.log('message', m));
port2.on('close', () => console.log('port2 closed'));
port1.on('close', () => console.log('port1 closed'));
port1.postMessage('queued before close');
port1.close();
const clone = structuredClone({ a: [1, { b: 2n }], s: new Set(['x']) });
console.log(clone);
const sab = new SharedArrayBuffer(4);
console.log(structuredClone(sab) === sab, new Int32Array(structuredClone(sab)).length);
