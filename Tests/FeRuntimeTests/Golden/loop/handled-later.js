const p = Promise.reject(new Error('caught in time'));
p.catch((e) => console.log('caught:', e.message));
process.on('unhandledRejection', (r) => console.log('listener got', r));
Promise.reject(42);
setTimeout(() => { console.log('still running'); process.exitCode = 3; }, 5);
