// Debian's node-sqlite3 (a Node-API addon: node-addon-api, libuv async handles, async work) used
// through its own JavaScript API, as a program would (tools/napi-tests/debian-addon.sh).
'use strict';
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(':memory:');
db.serialize(() => {
  db.run('CREATE TABLE lorem (info TEXT, n INTEGER, data BLOB)');
  const stmt = db.prepare('INSERT INTO lorem VALUES (?, ?, ?)');
  for (let i = 0; i < 10; i++) stmt.run('Ipsum ' + i, i * i, Buffer.from([i, 255 - i]));
  stmt.finalize();
  db.each('SELECT rowid AS id, info, n, data FROM lorem WHERE n > ?', [10], (err, row) => {
    if (err) throw err;
    console.log(row.id + ': ' + row.info + ' ' + row.n, row.data);
  }, (err, count) => console.log('each done', err, count));
  db.get('SELECT sum(n) AS total, count(*) AS c FROM lorem', (err, row) => console.log('total', row));
  db.all('SELECT hex(?) AS h, typeof(?) AS t, ? AS big', [Buffer.from('ab'), Buffer.from('ab'), 2 ** 40],
    (err, rows) => console.log(err, rows));
  db.run('UPDATE lorem SET n = n + 1 WHERE n < ?', [5], function (err) {
    console.log('updated', err, this.changes);
  });
  db.run('INSERT INTO nope VALUES (1)', (err) => console.log('error:', err.code, err.errno, err.message));
});
db.on('trace', (sql) => { if (sql.startsWith('SELECT sum')) console.log('trace:', sql); });
db.close((err) => console.log('closed', err));
process.on('exit', () => console.log('exit'));
