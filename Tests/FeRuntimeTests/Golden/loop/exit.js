process.on('exit', (c) => console.log('exit handler', c));
console.log('a');
setTimeout(() => console.log('never'), 1000);
process.exit(5);
