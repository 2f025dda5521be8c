// fetch: the WHATWG fetch API as Node 20 has it (undici's behaviour and messages) - fetch,
// Headers, Request, Response, FormData, Blob/File - with bodies as Node's own web ReadableStreams
// (48-stream_operators.js). The network side is
// FetchOps.swift: libcurl on a network thread, reporting back through core.onFetch(id, kind, ...).
// Uses from earlier files: 00-core.js (core, define); 01-inspect.js (customInspect, inspect); 02-errors.js (missingArgs); 05-process.js (process); 08-fs.js (flow); 09-url.js (URLSearchParams, URL, blobURLRegistry); 10-builtins.js (registerBuiltin); 11-buffer.js (latin1Bytes, latin1Text, Buffer, bufferModule).

// Block-scoped: the runtime's files share one scope; only the globals defined at the end are public.
{
  const nestedOptions = (o) => ({
    colors: o.colors, compact: o.compact, breakLength: o.breakLength, sorted: o.sorted,
    depth: typeof o.depth === 'number' ? o.depth - 1 : o.depth,
  });
  // undici's Headers, Request and Response show themselves whole wherever they are nested:
  // their properties get the caller's full depth again.
  const fullOptions = (o) => ({ ...nestedOptions(o), depth: o.depth });
  const utf8 = (s) => ops.op_utf8_encode(s);
  const textDecoder = new TextDecoder();
  const decodeUTF8 = (bytes) => textDecoder.decode(bytes);
  const illegalInvocation = () => new TypeError('Illegal invocation');
  const missing = (what, needed, got) =>
    new TypeError(`${what}: ${needed} argument${needed > 1 ? 's' : ''} required, but${got ? ' only' : ''} ${got} found.`);
  function concatBytes(chunks, total) {
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.byteLength; }
    return out;
  }
  function toBytes(v) {
    if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
    if (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) return new Uint8Array(v.slice(0));
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // ReadableStream: Node's own (lib/internal/webstreams, vendored; 48-stream_operators.js), loaded
  // when a body is first made. fetch looks inside the streams it made through Node's internal
  // state: disturbed, the queue's size (flow control), closed.
  const web = () => core.webStreams();
  const controllers = new WeakMap(); // a stream made here -> its controller
  function newStream(source, strategy = undefined) {
    let controller;
    const stream = new (web().ReadableStream)({ ...source, start(c) { controller = c; } }, strategy);
    controllers.set(stream, controller);
    return stream;
  }
  const stateOf = (stream) => stream[web().kState];
  const isStream = (v) => v !== null && typeof v === 'object' && web().isReadableStream(v);
  const isDisturbed = (stream) => stateOf(stream).disturbed;
  const isLocked = (stream) => stateOf(stream).reader !== undefined;
  const queueSize = (stream) => controllers.get(stream)[web().kState].queueTotalSize;
  // Still readable with nothing queued: a stream of known bytes nobody has read from yet.
  const untouched = (stream) => !isDisturbed(stream) && !isLocked(stream) && stateOf(stream).state === 'readable' &&
    controllers.has(stream) && queueSize(stream) === 0 && !controllers.get(stream)[web().kState].closeRequested;
  // Taking the bytes at once: the stream reads as used, and closed.
  function spend(stream) {
    stateOf(stream).disturbed = true;
    controllers.get(stream).close();
  }
  // Open for more chunks from the network.
  const open = (stream) => stateOf(stream).state === 'readable' && !controllers.get(stream)[web().kState].closeRequested;
  const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');

  // A stream of known bytes, made lazily: nothing is copied until someone reads.
  function bytesStream(bytes) {
    return newStream({
      type: 'bytes',
      pull(c) {
        if (bytes.byteLength > 0) c.enqueue(bytes.slice());
        c.close();
      },
    });
  }
  // undici also takes an async iterable of strings or bytes as a body.
  function iterableStream(iterable) {
    const it = iterable[Symbol.asyncIterator]();
    return newStream({
      type: 'bytes',
      async pull(c) {
        const { value, done } = await it.next();
        if (done) { c.close(); return; }
        const b = typeof value === 'string' ? utf8(value) : toBytes(value);
        if (b === null) throw new TypeError('Received non-Uint8Array chunk');
        if (b.byteLength > 0) c.enqueue(b);
      },
      async cancel(reason) { if (typeof it.return === 'function') await it.return(reason); },
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Blob and File: bytes in memory.
  const blobs = new WeakMap(); // Blob -> { bytes, type }
  function blobOf(self) {
    const b = blobs.get(self);
    if (b === undefined) throw illegalInvocation();
    return b;
  }
  class Blob {
    constructor(parts = [], options = undefined) {
      if (parts === null || typeof parts !== 'object' || typeof parts[Symbol.iterator] !== 'function') {
        throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
      }
      const chunks = [];
      let size = 0;
      for (const part of parts) {
        const b = blobs.has(part) ? blobs.get(part).bytes : toBytes(part) || utf8(`${part}`);
        chunks.push(b);
        size += b.byteLength;
      }
      let type = options != null && options.type !== undefined ? `${options.type}` : '';
      type = /[^\x20-\x7e]/.test(type) ? '' : type.toLowerCase();
      blobs.set(this, { bytes: chunks.length === 1 ? chunks[0].slice() : concatBytes(chunks, size), type });
    }
    get size() { return blobOf(this).bytes.byteLength; }
    get type() { return blobOf(this).type; }
    slice(start = 0, end = undefined, type = '') {
      const { bytes } = blobOf(this);
      const n = bytes.byteLength;
      const clamp = (v, d) => { v = v === undefined ? d : Math.trunc(Number(v)) || 0; return v < 0 ? Math.max(n + v, 0) : Math.min(v, n); };
      const from = clamp(start, 0), to = clamp(end, n);
      return new Blob([bytes.subarray(from, Math.max(from, to))], { type });
    }
    text() {
      try { return Promise.resolve(decodeUTF8(blobOf(this).bytes)); } catch (e) { return Promise.reject(e); }
    }
    arrayBuffer() {
      try { return Promise.resolve(blobOf(this).bytes.slice().buffer); } catch (e) { return Promise.reject(e); }
    }
    stream() { return bytesStream(blobOf(this).bytes.slice()); }
    [customInspect](depth, options) {
      if (depth < 0) return this;
      const props = { size: this.size, type: this.type };
      if (this instanceof File) Object.assign(props, { name: this.name, lastModified: this.lastModified });
      return `${this instanceof File ? 'File' : 'Blob'} ${inspect(props, nestedOptions(options))}`;
    }
  }
  Object.defineProperty(Blob.prototype, Symbol.toStringTag, { configurable: true, value: 'Blob' });
  // Node 18's File (lib/internal/file.js): lastModified through unary plus (NaN is 0), the name
  // as a USVString, enumerable getters that refuse other receivers.
  class File extends Blob {
    #name;
    #lastModified;
    constructor(fileBits, fileName, options = {}) {
      if (arguments.length < 2) throw missingArgs('fileBits', 'fileName');
      super(fileBits, options);
      let { lastModified } = options ?? {};
      if (lastModified !== undefined) {
        lastModified = +lastModified;
        if (Number.isNaN(lastModified)) lastModified = 0;
      } else lastModified = Date.now();
      this.#name = `${fileName}`.toWellFormed();
      this.#lastModified = lastModified;
    }
    get name() { return this.#name; }
    get lastModified() { return this.#lastModified; }
  }
  Object.defineProperty(File.prototype, 'name', { enumerable: true });
  Object.defineProperty(File.prototype, 'lastModified', { enumerable: true });
  Object.defineProperty(File.prototype, Symbol.toStringTag, { configurable: true, value: 'File' });

  // ---------------------------------------------------------------------------------------------
  // FormData, and its multipart/form-data encoding (undici's, boundary and all).
  const formEntries = new WeakMap();
  function formOf(self) {
    const e = formEntries.get(self);
    if (e === undefined) throw illegalInvocation();
    return e;
  }
  function formEntry(name, value, filename) {
    name = `${name}`;
    if (value instanceof Blob) {
      if (!(value instanceof File) || filename !== undefined) {
        const fname = filename !== undefined ? `${filename}` : value instanceof File ? value.name : 'blob';
        value = new File([value], fname, { type: value.type });
      }
    } else value = `${value}`;
    return [name, value];
  }
  class FormData {
    constructor(form = undefined) {
      if (form !== undefined) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
      formEntries.set(this, []);
    }
    append(name, value, filename = undefined) {
      if (arguments.length < 2) throw missing('FormData.append', 2, arguments.length);
      formOf(this).push(formEntry(name, value, filename));
    }
    delete(name) {
      const list = formOf(this);
      name = `${name}`;
      for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === name) list.splice(i, 1);
    }
    get(name) {
      const e = formOf(this).find(([n]) => n === `${name}`);
      return e === undefined ? null : e[1];
    }
    getAll(name) { return formOf(this).filter(([n]) => n === `${name}`).map(([, v]) => v); }
    has(name) { return formOf(this).some(([n]) => n === `${name}`); }
    set(name, value, filename = undefined) {
      if (arguments.length < 2) throw missing('FormData.set', 2, arguments.length);
      const list = formOf(this);
      const entry = formEntry(name, value, filename);
      const i = list.findIndex(([n]) => n === entry[0]);
      if (i < 0) { list.push(entry); return; }
      list[i] = entry;
      for (let j = list.length - 1; j > i; j--) if (list[j][0] === entry[0]) list.splice(j, 1);
    }
    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
      for (const [k, v] of formOf(this).slice()) callback.call(thisArg, v, k, this);
    }
    entries() { return formOf(this).map(([k, v]) => [k, v])[Symbol.iterator](); }
    keys() { return formOf(this).map(([k]) => k)[Symbol.iterator](); }
    values() { return formOf(this).map(([, v]) => v)[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    [customInspect](depth, options) {
      if (depth < 0) return this;
      return `FormData ${inspect(formOf(this).map(([name, value]) => ({ name, value })), nestedOptions(options))}`;
    }
  }
  Object.defineProperty(FormData.prototype, Symbol.toStringTag, { configurable: true, value: 'FormData' });
  function multipart(form) {
    const boundary = `----formdata-undici-0${`${Math.floor(Math.random() * 1e11)}`.padStart(11, '0')}`;
    const escape = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
    const lines = (s) => s.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n');
    const chunks = [];
    for (const [name, value] of formOf(form)) {
      let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escape(lines(name))}"`;
      if (typeof value === 'string') {
        chunks.push(utf8(`${head}\r\n\r\n${lines(value)}\r\n`));
      } else {
        head += `; filename="${escape(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
        chunks.push(utf8(head), blobOf(value).bytes, utf8('\r\n'));
      }
    }
    chunks.push(utf8(`--${boundary}--\r\n`));
    return { bytes: concatBytes(chunks, chunks.reduce((n, c) => n + c.byteLength, 0)), type: `multipart/form-data; boundary=${boundary}` };
  }
  // A multipart/form-data or urlencoded body back into FormData (Body.formData()).
  function parseFormData(bytes, contentType, who) {
    const fail = () => new TypeError(`${who}: Could not parse content as FormData.`);
    const form = new FormData();
    if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
      for (const [k, v] of new URLSearchParams(decodeUTF8(bytes))) form.append(k, v);
      return form;
    }
    const m = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    if (!m) throw fail();
    const delimiter = utf8(`--${m[1] || m[2]}`);
    const indexOf = (needle, from) => {
      outer: for (let i = from; i <= bytes.length - needle.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
        return i;
      }
      return -1;
    };
    let at = indexOf(delimiter, 0);
    if (at < 0) throw fail();
    for (;;) {
      at += delimiter.length;
      if (bytes[at] === 0x2d && bytes[at + 1] === 0x2d) return form; // the closing delimiter
      if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at += 2;
      const headEnd = indexOf(utf8('\r\n\r\n'), at);
      const next = indexOf(delimiter, at);
      if (headEnd < 0 || next < 0 || headEnd > next) throw fail();
      const head = latin1Text(bytes.subarray(at, headEnd));
      const disposition = /content-disposition:[^\r\n]*?\bname="([^"]*)"(?:;\s*filename="([^"]*)")?/i.exec(head);
      if (!disposition) throw fail();
      const type = /content-type:\s*([^\r\n]*)/i.exec(head);
      const body = bytes.subarray(headEnd + 4, next - 2); // the CRLF before the delimiter is not content
      const name = decodeUTF8(latin1Bytes(disposition[1]));
      if (disposition[2] !== undefined) form.append(name, new File([body], decodeUTF8(latin1Bytes(disposition[2])), { type: type ? type[1] : '' }));
      else form.append(name, decodeUTF8(body));
      at = next;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Headers: names compared without case, kept in insertion order for inspection, iterated
  // sorted and combined (set-cookie stays one entry per cookie), as undici does.
  // Headers -> { map: Map(lowercase name -> values[]), names: Map(lowercase -> name as first given), guard }
  const headerLists = new WeakMap();
  const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  function headersOf(self) {
    const h = headerLists.get(self);
    if (h === undefined) throw illegalInvocation();
    return h;
  }
  function byteString(v) {
    const s = `${v}`;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 255) throw new TypeError(`Cannot convert argument to a ByteString because the character at index ${i} has a value of ${s.charCodeAt(i)} which is greater than 255.`);
    }
    return s;
  }
  function headerName(name, method) {
    name = byteString(name);
    if (!tokenRe.test(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
    return name;
  }
  function headerValue(value, method) {
    value = byteString(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    if (/[\0\r\n]/.test(value)) throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
    return value;
  }
  function appendHeader(h, name, value) {
    const lower = name.toLowerCase();
    const values = h.map.get(lower);
    if (values === undefined) {
      h.map.set(lower, [value]);
      h.names.set(lower, name);
    } else values.push(value);
  }
  function checkMutable(h) {
    if (h.guard === 'immutable') throw new TypeError('immutable');
  }
  function fillHeaders(target, init) {
    const h = headersOf(target);
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) {
      throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    }
    if (headerLists.has(init)) {
      const from = headersOf(init);
      for (const [name, values] of from.map) { h.map.set(name, values.slice()); h.names.set(name, from.names.get(name)); }
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
          throw new TypeError('Headers constructor: expected name/value pair to be an iterable.');
        }
        const p = [...pair];
        if (p.length !== 2) throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${p.length}.`);
        appendHeader(h, headerName(p[0], 'append'), headerValue(p[1], 'append'));
      }
    } else {
      for (const key of Reflect.ownKeys(init)) {
        const desc = Reflect.getOwnPropertyDescriptor(init, key);
        if (desc === undefined || !desc.enumerable) continue;
        if (typeof key === 'symbol') throw new TypeError('Headers constructor: Key Symbol() in init is a symbol, which cannot be converted to a ByteString.');
        appendHeader(h, headerName(key, 'append'), headerValue(init[key], 'append'));
      }
    }
  }
  // [name, value] pairs: sorted by name, one per cookie for set-cookie, others combined.
  function sortedHeaders(h) {
    const out = [];
    for (const name of [...h.map.keys()].sort()) {
      const values = h.map.get(name);
      if (name === 'set-cookie') for (const v of values) out.push([name, v]);
      else out.push([name, values.join(', ')]);
    }
    return out;
  }
  const HeadersIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  Object.defineProperty(HeadersIteratorPrototype, Symbol.toStringTag, { configurable: true, value: 'Headers Iterator' });
  define(HeadersIteratorPrototype, 'next', function next() {
    const list = this.list;
    return this.index < list.length ? { value: this.pick(list[this.index++]), done: false } : { value: undefined, done: true };
  });
  function headersIterator(headers, pick) {
    const it = Object.create(HeadersIteratorPrototype);
    Object.defineProperties(it, { list: { value: sortedHeaders(headersOf(headers)) }, index: { value: 0, writable: true }, pick: { value: pick } });
    return it;
  }

  class Headers {
    constructor(init = undefined) {
      headerLists.set(this, { map: new Map(), names: new Map(), guard: 'none' });
      if (init !== undefined) fillHeaders(this, init);
    }
    append(name, value) {
      const h = headersOf(this);
      if (arguments.length < 2) throw missing('Headers.append', 2, arguments.length);
      const n = headerName(name, 'append'), v = headerValue(value, 'append');
      checkMutable(h);
      appendHeader(h, n, v);
    }
    delete(name) {
      const h = headersOf(this);
      if (arguments.length < 1) throw missing('Headers.delete', 1, 0);
      const n = headerName(name, 'delete').toLowerCase();
      checkMutable(h);
      h.map.delete(n);
      h.names.delete(n);
    }
    get(name) {
      const h = headersOf(this);
      if (arguments.length < 1) throw missing('Headers.get', 1, 0);
      const values = h.map.get(headerName(name, 'get').toLowerCase());
      return values === undefined ? null : values.join(', ');
    }
    has(name) {
      const h = headersOf(this);
      if (arguments.length < 1) throw missing('Headers.has', 1, 0);
      return h.map.has(headerName(name, 'has').toLowerCase());
    }
    set(name, value) {
      const h = headersOf(this);
      if (arguments.length < 2) throw missing('Headers.set', 2, arguments.length);
      const n = headerName(name, 'set'), v = headerValue(value, 'set');
      checkMutable(h);
      h.map.set(n.toLowerCase(), [v]);
      h.names.set(n.toLowerCase(), n);
    }
    getSetCookie() {
      const values = headersOf(this).map.get('set-cookie');
      return values === undefined ? [] : values.slice();
    }
    forEach(callback, thisArg = undefined) {
      const h = headersOf(this);
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
      for (const [name, value] of sortedHeaders(h)) callback.call(thisArg, value, name, this);
    }
    keys() { return headersIterator(this, (e) => e[0]); }
    values() { return headersIterator(this, (e) => e[1]); }
    entries() { return headersIterator(this, (e) => [e[0], e[1]]); }
    [Symbol.iterator]() { return this.entries(); }
    [customInspect](depth, options) {
      const shown = {};
      const h = headersOf(this);
      for (const [name, values] of h.map) shown[h.names.get(name)] = values.join(', ');
      return `Headers ${inspect(shown, fullOptions(options))}`;
    }
  }
  Object.defineProperty(Headers.prototype, Symbol.toStringTag, { configurable: true, value: 'Headers' });
  const guardedHeaders = (init, guard) => {
    const headers = new Headers(init);
    headersOf(headers).guard = guard;
    return headers;
  };

  // ---------------------------------------------------------------------------------------------
  // Bodies, shared by Request and Response: { stream, source } where `source` holds the bytes
  // when they were known up front (a string, a buffer...), so they need not be streamed.
  function extractBody(object) {
    let source = null, type = null, stream = null;
    if (typeof object === 'string') {
      source = utf8(object);
      type = 'text/plain;charset=UTF-8';
    } else if (object instanceof URLSearchParams) {
      source = utf8(object.toString());
      type = 'application/x-www-form-urlencoded;charset=UTF-8';
    } else if (blobs.has(object)) {
      source = blobs.get(object).bytes;
      if (object.type) type = object.type;
    } else if (formEntries.has(object)) {
      ({ bytes: source, type } = multipart(object));
    } else if (isStream(object)) {
      if (isLocked(object) || isDisturbed(object)) throw new TypeError('Response body object should not be disturbed or locked');
      stream = object;
    } else if ((source = toBytes(object)) !== null) {
      // bytes, copied: later writes to the caller's buffer do not change the body
    } else if (object !== null && typeof object === 'object' && typeof object[Symbol.asyncIterator] === 'function') {
      stream = iterableStream(object);
    } else {
      source = utf8(`${object}`);
      type = 'text/plain;charset=UTF-8';
    }
    if (source !== null) stream = bytesStream(source);
    return { stream, source, type };
  }
  const unusable = (body) => body !== null && (isDisturbed(body.stream) || isLocked(body.stream));
  function cloneBody(body) {
    if (body.source !== null) return [{ stream: bytesStream(body.source), source: body.source }, { stream: bytesStream(body.source), source: body.source }];
    const [a, b] = body.stream.tee();
    return [{ stream: a, source: null }, { stream: b, source: null }];
  }
  async function readAll(body) {
    if (body.source !== null && untouched(body.stream)) {
      spend(body.stream);
      return body.source;
    }
    const reader = new (web().ReadableStreamDefaultReader)(body.stream);
    const chunks = [];
    let total = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
      chunks.push(value);
      total += value.byteLength;
    }
    return concatBytes(chunks, total);
  }
  const bodyOwners = new WeakMap(); // Request or Response -> its state (with .body and .headers)
  function consume(self, convert) {
    const st = bodyOwners.get(self);
    if (st === undefined) return Promise.reject(illegalInvocation());
    if (unusable(st.body)) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    if (st.body === null) return Promise.resolve().then(() => convert(new Uint8Array(0), st));
    return readAll(st.body).then((bytes) => convert(bytes, st));
  }
  const mimeOf = (st) => { const v = st.headers && headersOf(st.headers).map.get('content-type'); return v ? v.join(', ') : ''; };
  class BodyMixin {
    get body() {
      const st = bodyOwners.get(this);
      if (st === undefined) throw illegalInvocation();
      return st.body === null ? null : st.body.stream;
    }
    get bodyUsed() {
      const st = bodyOwners.get(this);
      if (st === undefined) throw illegalInvocation();
      return st.body !== null && isDisturbed(st.body.stream);
    }
    text() { return consume(this, (b) => decodeUTF8(b)); }
    json() { return consume(this, (b) => JSON.parse(decodeUTF8(b))); }
    arrayBuffer() {
      return consume(this, (b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer));
    }
    blob() { return consume(this, (b, st) => new Blob([b], { type: mimeOf(st) })); }
    formData() {
      const who = this instanceof Request ? 'Request.formData' : 'Response.formData';
      return consume(this, (b, st) => parseFormData(b, mimeOf(st), who));
    }
  }
  function mixBody(Class) {
    for (const key of Object.getOwnPropertyNames(BodyMixin.prototype)) {
      if (key !== 'constructor') Object.defineProperty(Class.prototype, key, Object.getOwnPropertyDescriptor(BodyMixin.prototype, key));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Request
  const normalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
  const enums = {
    redirect: ['follow', 'manual', 'error'],
    mode: ['navigate', 'same-origin', 'no-cors', 'cors'],
    credentials: ['omit', 'same-origin', 'include'],
    cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
    referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
      'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'],
  };
  function parseURL(input) {
    try {
      return new URL(`${input}`);
    } catch (e) {
      const err = new TypeError(`Failed to parse URL from ${input}`);
      define(err, 'cause', e);
      throw err;
    }
  }
  function requestOf(self) {
    const st = bodyOwners.get(self);
    if (st === undefined || st.kind !== 'request') throw illegalInvocation();
    return st;
  }
  class Request {
    constructor(input, init = undefined) {
      if (arguments.length < 1) throw missing('Request constructor', 1, 0);
      if (init != null && typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct 'Request': cannot convert to dictionary.");
      }
      init = init == null ? {} : init;
      const base = input instanceof Request ? requestOf(input) : null;
      let url;
      if (base !== null) url = base.url;
      else {
        url = parseURL(input).href;
        const parsed = new URL(url);
        if (parsed.username !== '' || parsed.password !== '') throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
      }
      const st = {
        kind: 'request', url, method: base ? base.method : 'GET', headers: null, body: null,
        parentSignal: base ? base.parentSignal : null, signal: null,
        redirect: base ? base.redirect : 'follow', mode: base ? base.mode : 'cors',
        credentials: base ? base.credentials : 'same-origin', cache: base ? base.cache : 'default',
        referrer: base ? base.referrer : 'about:client', referrerPolicy: base ? base.referrerPolicy : '',
        integrity: base ? base.integrity : '', keepalive: base ? base.keepalive : false,
      };
      for (const key of Object.keys(enums)) {
        if (init[key] === undefined) continue;
        const v = `${init[key]}`;
        if (!enums[key].includes(v)) throw new TypeError(`Request constructor: ${v} is not an accepted type. Expected one of ${enums[key].join(', ')}.`);
        st[key] = v;
      }
      if (init.mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
      if (init.referrer !== undefined) st.referrer = `${init.referrer}` === '' ? '' : 'about:client';
      if (init.integrity !== undefined) st.integrity = `${init.integrity}`;
      if (init.keepalive !== undefined) st.keepalive = Boolean(init.keepalive);
      if (init.method !== undefined) {
        let m = `${init.method}`;
        if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
        const upper = m.toUpperCase();
        if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') throw new TypeError(`'${m}' HTTP method is unsupported.`);
        if (normalizedMethods.has(upper)) m = upper;
        st.method = m;
      }
      if (init.signal !== undefined) {
        if (init.signal !== null && !(init.signal instanceof AbortSignal)) {
          throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
        }
        st.parentSignal = init.signal;
      }
      st.headers = guardedHeaders(init.headers !== undefined ? init.headers : base ? base.headers : undefined, 'request');
      const inputBody = base ? base.body : null;
      if ((init.body != null || inputBody !== null) && (st.method === 'GET' || st.method === 'HEAD')) {
        throw new TypeError('Request with GET/HEAD method cannot have body.');
      }
      if (init.body != null) {
        const body = extractBody(init.body);
        if (body.source === null && init.duplex !== 'half') throw new TypeError('RequestInit: duplex option is required when sending a body.');
        if (body.type !== null && !headersOf(st.headers).map.has('content-type')) appendHeader(headersOf(st.headers), 'content-type', body.type);
        st.body = body;
      } else if (inputBody !== null) {
        if (unusable(inputBody)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
        // The body moves to the new request; the old one reads as used.
        st.body = inputBody;
        const spent = { stream: bytesStream(new Uint8Array(0)), source: null };
        stateOf(spent.stream).disturbed = true;
        base.body = spent;
      }
      bodyOwners.set(this, st);
    }
    get method() { return requestOf(this).method; }
    get url() { return requestOf(this).url; }
    get headers() { return requestOf(this).headers; }
    get destination() { requestOf(this); return ''; }
    get referrer() { return requestOf(this).referrer; }
    get referrerPolicy() { return requestOf(this).referrerPolicy; }
    get mode() { return requestOf(this).mode; }
    get credentials() { return requestOf(this).credentials; }
    get cache() { return requestOf(this).cache; }
    get redirect() { return requestOf(this).redirect; }
    get integrity() { return requestOf(this).integrity; }
    get keepalive() { return requestOf(this).keepalive; }
    get isReloadNavigation() { requestOf(this); return false; }
    get isHistoryNavigation() { requestOf(this); return false; }
    get duplex() { requestOf(this); return 'half'; }
    // A signal of its own that follows the one given (made when first asked for).
    get signal() {
      const st = requestOf(this);
      if (st.signal === null) {
        const parent = st.parentSignal;
        st.signal = parent ? AbortSignal.any([parent]) : new AbortController().signal;
      }
      return st.signal;
    }
    clone() {
      const st = requestOf(this);
      if (unusable(st.body)) throw new TypeError('unusable');
      const copy = new Request(this.url);
      const cst = requestOf(copy);
      Object.assign(cst, st, { headers: guardedHeaders(st.headers, 'request'), signal: null });
      if (st.body !== null) [st.body, cst.body] = cloneBody(st.body);
      return copy;
    }
    [customInspect](depth, options) {
      const props = {
        method: this.method, url: this.url, headers: this.headers, destination: this.destination, referrer: this.referrer,
        referrerPolicy: this.referrerPolicy, mode: this.mode, credentials: this.credentials, cache: this.cache,
        redirect: this.redirect, integrity: this.integrity, keepalive: this.keepalive,
        isReloadNavigation: this.isReloadNavigation, isHistoryNavigation: this.isHistoryNavigation, signal: this.signal,
      };
      return `Request ${inspect(props, fullOptions(options))}`;
    }
  }
  mixBody(Request);
  Object.defineProperty(Request.prototype, Symbol.toStringTag, { configurable: true, value: 'Request' });

  // ---------------------------------------------------------------------------------------------
  // Response
  const nullBodyStatus = (status) => status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
  const redirectStatus = (status) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
  function responseOf(self) {
    const st = bodyOwners.get(self);
    if (st === undefined || st.kind !== 'response') throw illegalInvocation();
    return st;
  }
  // A Response without the constructor's checks (fetched ones, Response.error/redirect).
  function makeResponse(fields) {
    const response = Object.create(Response.prototype);
    bodyOwners.set(response, {
      kind: 'response', type: 'default', status: 200, statusText: '', headers: null, body: null, url: '', redirected: false, ...fields,
    });
    return response;
  }
  class Response {
    constructor(body = null, init = undefined) {
      if (init != null && typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct 'Response': cannot convert to dictionary.");
      }
      init = init == null ? {} : init;
      const status = init.status !== undefined ? Number(init.status) & 0xffff : 200;
      if (status < 200 || status > 599) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
      const statusText = init.statusText !== undefined ? `${init.statusText}` : '';
      if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(statusText)) throw new TypeError('Invalid statusText');
      const st = { kind: 'response', type: 'default', status, statusText, headers: guardedHeaders(init.headers, 'response'), body: null, url: '', redirected: false };
      if (body != null) {
        if (nullBodyStatus(status)) throw new TypeError(`Response constructor: Invalid response status code ${status}`);
        st.body = extractBody(body);
        if (st.body.type !== null && !headersOf(st.headers).map.has('content-type')) appendHeader(headersOf(st.headers), 'content-type', st.body.type);
      }
      bodyOwners.set(this, st);
    }
    static error() {
      return makeResponse({ type: 'error', status: 0, headers: guardedHeaders(undefined, 'immutable') });
    }
    static redirect(url, status = 302) {
      const parsed = parseURL(url);
      status = Number(status);
      if (!redirectStatus(status)) throw new RangeError(`Invalid status code ${status}`);
      return makeResponse({ status, headers: guardedHeaders([['location', parsed.href]], 'immutable') });
    }
    static json(data, init = undefined) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError('Value is not JSON serializable');
      const headers = new Headers(init != null && init.headers !== undefined ? init.headers : undefined);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new Response(text, { ...(init || {}), headers });
    }
    get type() { return responseOf(this).type; }
    get url() { return responseOf(this).url; }
    get redirected() { return responseOf(this).redirected; }
    get status() { return responseOf(this).status; }
    get ok() { const { status } = responseOf(this); return status >= 200 && status <= 299; }
    get statusText() { return responseOf(this).statusText; }
    get headers() { return responseOf(this).headers; }
    clone() {
      const st = responseOf(this);
      if (unusable(st.body)) throw new TypeError('Response.clone: Body has already been consumed.');
      const copy = makeResponse({ ...st, headers: guardedHeaders(st.headers, headersOf(st.headers).guard) });
      if (st.body !== null) [st.body, responseOf(copy).body] = cloneBody(st.body);
      return copy;
    }
    [customInspect](depth, options) {
      const props = {
        status: this.status, statusText: this.statusText, headers: this.headers, body: this.body, bodyUsed: this.bodyUsed,
        ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
      };
      return `Response ${inspect(props, fullOptions(options))}`;
    }
  }
  mixBody(Response);
  Object.defineProperty(Response.prototype, Symbol.toStringTag, { configurable: true, value: 'Response' });

  // ---------------------------------------------------------------------------------------------
  // fetch(): validation and schemes here; http(s) goes to the network thread (FetchOps.swift),
  // which reports each transfer's head, body chunks and end or error through core.onFetch.
  const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
    103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
    526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045,
    4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);
  // Headers fe never passes on: libcurl frames the message itself.
  const hopHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect']);
  // What undici adds to every request that does not set them (accept-encoding comes from curl).
  const defaultHeaders = [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node']];
  // What FeNet's ProxyRule reads (ProxyRule.variables; FeNetTests checks they agree).
  const proxyVariables = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY',
    'REQUEST_METHOD'];

  function networkError(message, cause) {
    const e = new TypeError(message);
    if (cause !== undefined) define(e, 'cause', cause);
    return e;
  }
  // The cause of a network error, of the class undici would throw (SocketError, ...).
  const causeClasses = new Map();
  function makeCause({ name, message, props }) {
    let Class = Error;
    if (name !== 'Error') {
      Class = causeClasses.get(name);
      if (Class === undefined) {
        Class = class extends Error {};
        Object.defineProperty(Class, 'name', { value: name });
        Object.defineProperty(Class.prototype, 'name', { value: name, writable: true, configurable: true });
        causeClasses.set(name, Class);
      }
    }
    const e = new Class(message);
    Object.assign(e, props);
    return e;
  }

  const inflight = new Map(); // transfer id -> { resolve, reject, signal, onAbort, response, stream, delivered, acked }
  function fetch(input, init = undefined) {
    // The error a network failure rejects with, made now so its stack shows the caller (the
    // failure itself arrives later, from the network thread, where no user code is on the stack).
    const failure = new TypeError('fetch failed');
    Error.captureStackTrace(failure, fetch);
    const fetchFailed = (cause) => { define(failure, 'cause', cause); return failure; };
    // Everything, even a bad argument, rejects the promise rather than throwing.
    return new Promise((resolve, reject) => {
      let request;
      try { request = new Request(input, init); } catch (e) { reject(e); return; }
      const st = requestOf(request);
      const signal = st.parentSignal;
      if (signal && signal.aborted) { reject(signal.reason); return; }
      const url = new URL(st.url);
      switch (url.protocol) {
        case 'http:': case 'https:': break;
        case 'data:': dataURL(url, resolve, () => reject(fetchFailed(new Error('failed to fetch the data URL')))); return;
        case 'about:': reject(fetchFailed(new Error('about scheme is not supported'))); return;
        case 'file:': reject(fetchFailed(new Error('not implemented... yet...'))); return;
        case 'blob:': reject(fetchFailed(new Error('invalid method'))); return;
        default: reject(fetchFailed(new Error('unknown scheme'))); return;
      }
      if (url.port !== '' && badPorts.has(Number(url.port))) { reject(fetchFailed(new Error('bad port'))); return; }
      const send = (bodyBytes) => {
        if (signal && signal.aborted) { reject(signal.reason); return; }
        const list = [];
        const map = headersOf(st.headers).map;
        for (const [name, values] of map) if (!hopHeaders.has(name)) list.push(name, values.join(', '));
        for (const [name, value] of defaultHeaders) if (!map.has(name)) list.push(name, value);
        const env = process.env || {};
        const proxy = [];
        for (const name of proxyVariables) if (env[name]) proxy.push(name, `${env[name]}`);
        const target = url.hash === '' ? url.href : url.href.slice(0, -url.hash.length);
        let id;
        try {
          id = ops.op_fetch_start(st.method, target, list, bodyBytes, st.redirect, proxy, env.NODE_EXTRA_CA_CERTS || null);
        } catch (e) { reject(e); return; }
        const entry = { id, resolve, reject, fetchFailed, signal, onAbort: null, response: null, stream: null, delivered: 0, acked: 0 };
        inflight.set(id, entry);
        if (signal) {
          entry.onAbort = () => abortFetch(entry);
          signal.addEventListener('abort', entry.onAbort, { once: true });
        }
      };
      if (st.body === null) send(null);
      else readAll(st.body).then(send, (e) => reject(fetchFailed(e)));
    });
  }

  function finishFetch(entry) {
    if (entry.onAbort !== null) {
      entry.signal.removeEventListener('abort', entry.onAbort);
      entry.onAbort = null;
    }
  }
  // The signal fired: the transfer stops at once; the promise, or else the body, fails with
  // the signal's reason. (A body nobody was reading yet fails with undici's own AbortError.)
  function abortFetch(entry) {
    entry.onAbort = null;
    if (inflight.delete(entry.id)) ops.op_fetch_cancel(entry.id);
    if (entry.response === null) entry.reject(entry.signal.reason);
    else if (entry.stream !== null) {
      controllers.get(entry.stream).error(isLocked(entry.stream) ? entry.signal.reason
        : new DOMException('The operation was aborted.', 'AbortError'));
    }
  }
  // Tells the network thread how much of the body has been read, so a paused transfer resumes.
  function ackBody(entry) {
    if (!inflight.has(entry.id)) return;
    const consumed = entry.delivered - queueSize(entry.stream);
    if (consumed > entry.acked) {
      entry.acked = consumed;
      ops.op_fetch_ack(entry.id, consumed);
    }
  }
  function onHead(entry, [status, statusText, flat, url, redirected]) {
    const headers = new Headers();
    const h = headersOf(headers);
    for (let i = 0; i < flat.length; i += 2) appendHeader(h, flat[i].toLowerCase(), flat[i + 1]);
    h.guard = 'immutable';
    let body = null;
    if (!nullBodyStatus(status)) {
      entry.stream = newStream({
        type: 'bytes',
        pull() { ackBody(entry); },
        cancel() {
          if (inflight.delete(entry.id)) ops.op_fetch_cancel(entry.id);
          finishFetch(entry);
        },
      }, { highWaterMark: 64 * 1024 });
      const settled = () => finishFetch(entry);
      entry.stream[kIsClosedPromise].promise.then(settled, settled);
      body = { stream: entry.stream, source: null };
    } else {
      finishFetch(entry);
    }
    let href = url;
    try { href = new URL(url).href; } catch {}
    entry.response = makeResponse({ type: 'basic', status, statusText, headers, body, url: href, redirected });
    entry.resolve(entry.response);
  }
  core.onFetch = (id, kind, payload) => {
    const entry = inflight.get(id);
    if (entry === undefined) return;
    const s = entry.stream;
    const more = s !== null && open(s);
    switch (kind) {
      case 0: onHead(entry, payload); break;
      case 1:
        if (more) { entry.delivered += payload.byteLength; controllers.get(s).enqueue(payload); }
        break;
      case 2:
        inflight.delete(id);
        if (more) controllers.get(s).close();
        break;
      case 3: {
        inflight.delete(id);
        const cause = makeCause(payload);
        if (entry.response === null) {
          finishFetch(entry);
          entry.reject(entry.fetchFailed(cause));
        } else if (s !== null && stateOf(s).state === 'readable') {
          controllers.get(s).error(networkError('terminated', cause));
        }
        break;
      }
    }
  };

  // data: URLs, answered without the network.
  function dataURL(url, resolve, fail) {
    const href = url.hash === '' ? url.href : url.href.slice(0, -url.hash.length);
    const rest = href.slice(5);
    const comma = rest.indexOf(',');
    if (comma < 0) { fail(); return; }
    let mime = rest.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
    const raw = [];
    const data = rest.slice(comma + 1);
    for (let i = 0; i < data.length; i++) {
      if (data[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) { raw.push(parseInt(data.slice(i + 1, i + 3), 16)); i += 2; } else raw.push(data.charCodeAt(i) & 0xff);
    }
    let bytes = new Uint8Array(raw);
    const base64 = /;[\x20]*base64$/i.exec(mime);
    if (base64) {
      mime = mime.slice(0, base64.index);
      const text = latin1Text(bytes).replace(/[\t\n\f\r ]/g, '');
      if (/[^A-Za-z0-9+/=]/.test(text) || text.replace(/=+$/, '').length % 4 === 1) { fail(); return; }
      bytes = ops.op_base64_decode(text);
    }
    if (mime.startsWith(';')) mime = `text/plain${mime}`;
    if (mime === '') mime = 'text/plain;charset=US-ASCII';
    const body = { stream: bytesStream(bytes), source: bytes };
    resolve(makeResponse({ type: 'basic', status: 200, statusText: 'OK', headers: guardedHeaders([['content-type', mime]], 'immutable'), body, url: href }));
  }

  // For fe.serve (http.js): a Response's parts, its body as bytes when they were known up front
  // (sent with a Content-Length in one write) or else as the stream to send chunk by chunk.
  core.responseParts = (response) => {
    const st = bodyOwners.get(response);
    if (st === undefined || st.kind !== 'response') return null;
    let source = null, stream = null;
    if (st.body !== null) {
      const s = st.body.stream;
      if (isDisturbed(s) || isLocked(s)) throw new TypeError('Response body object should not be disturbed or locked');
      if (st.body.source !== null && untouched(s)) {
        spend(s);
        source = st.body.source;
      } else {
        stream = st.body.stream;
      }
    }
    return { status: st.status, statusText: st.statusText, headers: st.headers, source, stream };
  };

  for (const [name, value] of Object.entries({
    fetch, Headers, Request, Response, FormData,
  })) define(globalThis, name, value);
  if (typeof globalThis.Blob !== 'function') define(globalThis, 'Blob', Blob);
  if (typeof globalThis.File !== 'function') define(globalThis, 'File', File);
  if (bufferModule.Blob === undefined) { bufferModule.Blob = Blob; bufferModule.File = File; }
  // Node's buffer.resolveObjectURL: the Blob a 'blob:nodedata:<id>' URL from URL.createObjectURL
  // names (a new Blob over the same bytes), else undefined.
  if (bufferModule.resolveObjectURL === undefined) {
    bufferModule.resolveObjectURL = function resolveObjectURL(url) {
      url = `${url}`;
      let parsed;
      try { parsed = new URL(url); } catch { return undefined; }
      const split = parsed.pathname.split(':');
      if (split.length !== 2 || split[0] !== 'nodedata') return undefined;
      const blob = blobURLRegistry.get(`blob:nodedata:${split[1]}`);
      return blob === undefined ? undefined : blob.slice(0, blob.size, blob.type);
    };
  }

  // stream/consumers (Node 18's lib/stream/consumers.js): a whole stream, Node or web, as one value.
  async function blob(stream) {
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return new Blob(chunks);
  }
  async function arrayBuffer(stream) { return (await blob(stream)).arrayBuffer(); }
  async function buffer(stream) { return Buffer.from(await arrayBuffer(stream)); }
  async function text(stream) {
    const dec = new TextDecoder();
    let str = '';
    for await (const chunk of stream) str += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
    // Flush the decoder, so an incomplete multi-byte character at the end is handled.
    return str + dec.decode(undefined, { stream: false });
  }
  async function json(stream) { return JSON.parse(await text(stream)); }
  registerBuiltin('stream/consumers', { arrayBuffer, blob, buffer, text, json });
}
