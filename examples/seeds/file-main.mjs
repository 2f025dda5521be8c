// The zjs seed, in Node's API: an ES module whose exported main() is the entry point. It opens
// text.txt next to itself, reads it, writes at a position and prints the result.
// Run it from source:   fe blobs run examples/seeds/file-main.mjs
// or as a blob:         fe blobs build examples/seeds/file-main.mjs --name seed --version 1.0.0
//                       fe blobs exec seed
import fs from 'fs';

export async function main() {
  const dirname = import.meta.dirname;
  const path = `${dirname}/text.txt`;
  await fs.promises.writeFile(path, 'hello from fe');
  const file = await fs.promises.open(path, 'r+');
  const content = await file.readFile('utf8');
  await file.write(' (rewritten)', content.length);  // write at a position: the end
  await file.write('H', 0);                          // and at the start
  print((await fs.promises.readFile(path, 'utf8')));
  await file.close();
  await fs.promises.unlink(path);
}
