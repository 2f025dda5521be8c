// The mini-deno seed: print() and an awaited fetch(). The URL comes from the first argument
// (the tests serve one on 127.0.0.1): fe blobs run examples/seeds/fetch-print.mjs http://127.0.0.1:8080/
print('Hello from fe');
const url = process.argv[2] || 'http://127.0.0.1:8080/';
const response = await fetch(url);
print(await response.text());
