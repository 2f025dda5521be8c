// Integer, float and bigint reads/writes, and Node's bounds and range errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const b = Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88]);
for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE',
  'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE']) {
  t(m, () => [b[m](0), b[m](b.length - ({ 8: 1, 16: 2, 32: 4, Flo: 4, Dou: 8, Big: 8 })[m.match(/8|16|32|Flo|Dou|Big/)[0]])]);
}
t('aliases', () => [b.readUint32LE === b.readUInt32LE, typeof b.writeBigUint64BE, typeof b.readUintBE]);
t('readUIntLE 1..6', () => [1, 2, 3, 4, 5, 6].map((n) => b.readUIntLE(0, n)));
t('readUIntBE 1..6', () => [1, 2, 3, 4, 5, 6].map((n) => b.readUIntBE(2, n)));
t('readIntLE 1..6 negative', () => [1, 2, 3, 4, 5, 6].map((n) => Buffer.alloc(6, 0xff).readIntLE(0, n)));
t('readIntBE sign', () => [Buffer.from([0x80, 0, 0]).readIntBE(0, 3), Buffer.from([0x7f, 0xff, 0xff]).readIntBE(0, 3)]);
t('readUInt32LE out of range', () => Buffer.alloc(8).readUInt32LE(5));
t('readUInt32LE on short buffer', () => Buffer.from('abc').readUInt32LE(0));
t('readUInt32LE fractional offset', () => Buffer.alloc(8).readUInt32LE(1.5));
t('readUInt32LE string offset', () => Buffer.alloc(8).readUInt32LE('1'));
t('readUInt8 negative', () => Buffer.alloc(2).readUInt8(-1));
t('readDoubleLE out of range', () => Buffer.alloc(10).readDoubleLE(3));
t('readBigInt64LE out of range', () => Buffer.alloc(9).readBigInt64LE(2));
t('readUIntLE bad byteLength', () => Buffer.alloc(8).readUIntLE(0, 7));
t('readUIntLE missing byteLength', () => Buffer.alloc(8).readUIntBE(0));
t('readUIntLE missing offset', () => Buffer.alloc(8).readUIntLE());
const w = Buffer.alloc(8);
t('writeUInt8 returns next offset', () => [w.writeUInt8(255, 0), w.writeInt8(-2, 1), w]);
t('writeUInt16', () => [w.fill(0).writeUInt16LE(0xabcd, 0), w.writeUInt16BE(0xabcd, 2), w.writeInt16LE(-2, 4), w.writeInt16BE(-2, 6), w]);
t('writeUInt32', () => [w.fill(0).writeUInt32LE(0xdeadbeef, 0), w.writeInt32BE(-5, 4), w]);
t('writeUIntLE 6', () => [w.fill(0).writeUIntLE(0x123456789abc, 0, 6), w]);
t('writeIntBE 6 negative', () => [w.fill(0).writeIntBE(-2, 2, 6), w]);
t('writeFloat', () => [w.fill(0).writeFloatLE(1.5, 0), w.writeFloatBE(-0.25, 4), w]);
t('writeDouble', () => [w.writeDoubleBE(Math.PI), w.readDoubleBE(0), w.writeDoubleLE(1e300), w.readDoubleLE()]);
t('writeFloat rounds', () => { w.writeFloatLE(0.1); return w.readFloatLE(); });
t('writeBigInt64', () => [w.writeBigInt64LE(-2n), w, w.readBigInt64LE(), w.writeBigUInt64BE(2n ** 64n - 1n), w.readBigUInt64BE()]);
t('write value too large', () => w.writeUInt8(256));
t('write value negative unsigned', () => w.writeUInt32LE(-1));
t('writeInt32BE too large', () => w.writeInt32BE(2 ** 31));
t('writeUInt32LE huge value', () => w.writeUInt32LE(5e9));
t('writeUIntLE 6 too large', () => w.writeUIntLE(2 ** 48, 0, 6));
t('writeIntLE 5 too small', () => w.writeIntLE(-(2 ** 39) - 1, 0, 5));
t('writeBigInt64LE too large', () => w.writeBigInt64LE(2n ** 63n));
t('writeBigUInt64LE negative', () => w.writeBigUInt64LE(-1n));
t('writeBigInt64LE number', () => w.writeBigInt64LE(1));
t('write past the end', () => w.writeUInt16LE(1, 7));
t('write bad offset type', () => w.writeUInt16LE(1, '0'));
t('write string value coerces', () => [w.writeUInt8('7', 0), w[0]]);
t('write fractional value truncates', () => [w.writeUInt8(3.9, 0), w[0]]);
t('writeUIntBE bad byteLength', () => w.writeUIntBE(1, 0, 0));
t('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
t('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
t('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
t('swap16 odd', () => Buffer.alloc(3).swap16());
t('swap64 bad size', () => Buffer.alloc(12).swap64());
