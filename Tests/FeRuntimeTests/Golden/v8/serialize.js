// node:v8's wire format and its Serializer/Deserializer classes.
const v8 = require('v8');
const value = { n: 1, s: 'text', buf: Buffer.from('hi'), u16: new Uint16Array([1, 2]), m: new Map([[1, 2]]), d: new Date(0) };
const bytes = v8.serialize(value);
console.log(Buffer.isBuffer(bytes), bytes[0] === 0xff);
console.log(v8.deserialize(bytes));
const ser = new v8.Serializer();
ser.writeHeader();
ser.writeUint32(7);
ser.writeUint64(1, 2);
ser.writeDouble(0.5);
ser.writeRawBytes(Buffer.from('raw'));
ser.writeValue('end');
const des = new v8.Deserializer(ser.releaseBuffer());
console.log(des.readHeader(), des.getWireFormatVersion() >= 13, des.readUint32(), des.readUint64(), des.readDouble(),
  des.readRawBytes(3).toString(), des.readValue());
const plain = new v8.Serializer();
try { plain.writeValue(new Uint8Array(1)); plain.writeValue(Symbol('x')); } catch (e) { console.log(e.constructor.name, e.message); }
const stats = v8.getHeapStatistics();
console.log(Object.keys(stats).join(','), stats.used_heap_size > 0);
console.log(v8.getHeapSpaceStatistics().some((s) => s.space_name === 'old_space'), typeof v8.cachedDataVersionTag());
console.log(Object.keys(v8.getHeapCodeStatistics()).join(','));
console.log(!v8.startupSnapshot.isBuildingSnapshot());
try { v8.startupSnapshot.addSerializeCallback(() => {}); } catch (e) { console.log(e.code); }
