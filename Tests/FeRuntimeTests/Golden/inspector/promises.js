// inspector/promises (Node 19+, here too): post() returns a promise of the result.
const { Session } = require('node:inspector/promises');

(async () => {
  const session = new Session();
  session.connect();
  const { result } = await session.post('Runtime.evaluate', { expression: '[1, 2, 3].length' });
  console.log(result.type, result.value);
  try {
    await session.post('No.suchMethod');
  } catch (e) {
    console.log(e.code, e.message);
  }
  session.disconnect();
})();
