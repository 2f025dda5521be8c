// process.openStdin(), Node's deprecated alias old CLIs still call: it returns process.stdin,
// already flowing, so 'data'/'end' come without a resume().
const stdin = process.openStdin();
console.log('same stream', stdin === process.stdin, typeof process.openStdin);
console.log('flowing', stdin.readableFlowing);
let bytes = 0;
stdin.on('data', (d) => { bytes += d.length; });
stdin.on('end', () => { console.log('end', bytes); });
