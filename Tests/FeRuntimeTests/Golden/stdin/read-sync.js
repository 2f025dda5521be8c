// fs.readFileSync(0) reads all of stdin synchronously; a tool that never touches stdin still
// ends at once.
const fs = require('fs');
const text = fs.readFileSync(0, 'utf8');
console.log('readFileSync(0)', JSON.stringify(text));
console.log('as buffer', fs.readFileSync(0).length);
setTimeout(() => console.log('timer still runs'), 1);
