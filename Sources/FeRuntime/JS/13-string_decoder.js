// string_decoder: StringDecoder, which decodes a byte stream chunk by chunk without splitting
// characters. A port of Node's src/string_decoder.cc; its state lives in a 7-byte Buffer laid
// out as Node's is (incomplete bytes 0-3, missing 4, buffered 5, encoding 6).
// Block-scoped: the runtime's files share one scope; only the registered module is public.
// Uses from earlier files: 02-errors.js (nodeError, invalidArgType); 10-builtins.js (registerBuiltin); 11-buffer.js (unknownEncoding, normalizeBufferEncoding, textCodecs, Buffer).
{
  const kNativeDecoder = Symbol('kNativeDecoder');
  const kMissing = 4, kBuffered = 5, kEncodingField = 6;
  const decoderEncodings = ['ascii', 'utf8', 'base64', 'utf16le', 'latin1', 'hex', 'buffer', 'base64url'];

  function StringDecoder(encoding) {
    const enc = normalizeBufferEncoding(encoding);
    if (enc === undefined) throw unknownEncoding(encoding);
    this.encoding = enc;
    this[kNativeDecoder] = Buffer.alloc(7);
    this[kNativeDecoder][kEncodingField] = decoderEncodings.indexOf(enc);
  }
  // Bytes to text for one complete piece: utf8 and utf16le as Buffer decodes them.
  const decodePiece = (enc, bytes) => textCodecs[enc].text(bytes);

  StringDecoder.prototype.write = function write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) throw invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    const state = this[kNativeDecoder];
    if (!state) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type StringDecoder');
    const enc = this.encoding;
    let data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    if (enc !== 'utf8' && enc !== 'utf16le' && enc !== 'base64' && enc !== 'base64url') return decodePiece(enc, data);
    let prepend = '';
    // Finish a character left incomplete by the previous chunk.
    if (state[kMissing] > 0) {
      if (enc === 'utf8') {
        // A byte that should continue the character but does not ends it there (as U+FFFD).
        for (let i = 0; i < data.length && i < state[kMissing]; i++) {
          if ((data[i] & 0xc0) !== 0x80) {
            state[kMissing] = 0;
            state.set(data.subarray(0, i), state[kBuffered]);
            state[kBuffered] += i;
            data = data.subarray(i);
            break;
          }
        }
      }
      const found = Math.min(data.length, state[kMissing]);
      state.set(data.subarray(0, found), state[kBuffered]);
      data = data.subarray(found);
      state[kMissing] -= found;
      state[kBuffered] += found;
      if (state[kMissing] === 0) {
        prepend = decodePiece(enc, state.subarray(0, state[kBuffered]));
        state[kBuffered] = 0;
      }
    }
    if (data.length === 0) return prepend;
    // Hold back a character cut off at the end of this chunk.
    const n = data.length;
    if (enc === 'utf8' && data[n - 1] & 0x80) {
      for (let i = n - 1; ; i--) {
        state[kBuffered]++;
        if ((data[i] & 0xc0) === 0x80) {
          if (state[kBuffered] >= 4 || i === 0) { state[kBuffered] = 0; break; }
        } else {
          const lead = data[i];
          const need = (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
          if (need === 0) { state[kBuffered] = 0; break; }
          state[kMissing] = need;
          if (state[kBuffered] >= state[kMissing]) { state[kMissing] = 0; state[kBuffered] = 0; }
          state[kMissing] -= state[kBuffered];
          break;
        }
      }
    } else if (enc === 'utf16le') {
      if (n % 2 === 1) { state[kBuffered] = 1; state[kMissing] = 1; } else if ((data[n - 1] & 0xfc) === 0xd8) { state[kBuffered] = 2; state[kMissing] = 2; }
    } else if (enc === 'base64' || enc === 'base64url') {
      state[kBuffered] = n % 3;
      if (state[kBuffered] > 0) state[kMissing] = 3 - state[kBuffered];
    }
    const buffered = state[kBuffered];
    if (buffered > 0) state.set(data.subarray(n - buffered), 0);
    return prepend + (n - buffered > 0 ? decodePiece(enc, data.subarray(0, n - buffered)) : '');
  };

  StringDecoder.prototype.end = function end(buf) {
    let ret = buf !== undefined ? this.write(buf) : '';
    const state = this[kNativeDecoder];
    if (state[kBuffered] > 0) {
      // A lone trailing byte of UTF-16 is dropped, as Node does.
      if (this.encoding === 'utf16le' && state[kBuffered] % 2 === 1) { state[kMissing]--; state[kBuffered]--; }
      if (state[kBuffered] > 0) ret += decodePiece(this.encoding, state.subarray(0, state[kBuffered]));
      state[kMissing] = 0;
      state[kBuffered] = 0;
    }
    return ret;
  };

  // Undocumented legacy API, kept because Node has it.
  StringDecoder.prototype.text = function text(buf, offset) {
    this[kNativeDecoder][kMissing] = 0;
    this[kNativeDecoder][kBuffered] = 0;
    return this.write(buf.slice(offset));
  };
  Object.defineProperties(StringDecoder.prototype, {
    lastChar: { configurable: true, enumerable: true, get() { return this[kNativeDecoder].subarray(0, 4); } },
    lastNeed: { configurable: true, enumerable: true, get() { return this[kNativeDecoder][kMissing]; } },
    lastTotal: { configurable: true, enumerable: true, get() { return this[kNativeDecoder][kBuffered] + this[kNativeDecoder][kMissing]; } },
  });

  registerBuiltin('string_decoder', { StringDecoder });
}
