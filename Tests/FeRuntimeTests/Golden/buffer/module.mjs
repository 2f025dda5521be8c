// The buffer module through ESM imports: named exports, constants, atob/btoa, isUtf8/isAscii.
import { Buffer as B, constants, kMaxLength, kStringMaxLength, atob, btoa, isUtf8, isAscii, SlowBuffer } from 'node:buffer';
import buffer from 'buffer';

const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
t('same Buffer', () => [B === Buffer, buffer.Buffer === Buffer]);
t('constants', () => constants);
t('kMaxLength', () => [kMaxLength, kStringMaxLength, constants.MAX_LENGTH === kMaxLength]);
t('INSPECT_MAX_BYTES', () => buffer.INSPECT_MAX_BYTES);
t('atob/btoa', () => [atob('aGk='), btoa('hi'), atob === globalThis.atob || typeof atob]);
t('isUtf8', () => [isUtf8(Buffer.from('é')), isUtf8(Buffer.from([0xc3])), isUtf8(new ArrayBuffer(2)), isUtf8(Buffer.from([0xed, 0xa0, 0x80]))]);
t('isUtf8 bad arg', () => isUtf8('x'));
t('isAscii', () => [isAscii(Buffer.from('abc')), isAscii(Buffer.from('é')), isAscii(new Uint16Array([0x7f7f]))]);
t('SlowBuffer', () => SlowBuffer(3).length);
t('Buffer() deprecated but works', () => [Buffer(3), new Buffer('ab'), Buffer([1])]);
t('Buffer(number, string) throws', () => Buffer(3, 'utf8'));
t('poolSize', () => Buffer.poolSize);
t('species', () => Buffer.from('abc').subarray(1).constructor.name);
t('parent/offset', () => { const x = Buffer.from(new ArrayBuffer(8), 2, 4); return [x.parent.byteLength, x.offset]; });
