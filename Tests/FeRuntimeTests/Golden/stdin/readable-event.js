// process.stdin in paused mode: 'readable' then read() until null, then 'end'.
const fs = require('fs');
const parts = [];
process.stdin.on('readable', () => {
  let chunk;
  while ((chunk = process.stdin.read()) !== null) parts.push(chunk);
});
process.stdin.on('end', () => {
  console.log('end after readable', parts.length, Buffer.concat(parts).length);
  console.log('readFileSync(0) after end', JSON.stringify(fs.readFileSync(0, 'utf8')));
});
