// Reading all of stdin with async iteration and setEncoding, the way CLIs read piped input.
async function readAll(stream) {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}
readAll(process.stdin).then((text) => {
  console.log('read', JSON.stringify(text), text.length);
  console.log('encoding', process.stdin.readableEncoding, 'ended', process.stdin.readableEnded);
});
