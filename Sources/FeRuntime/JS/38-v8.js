// v8: Serializer/Deserializer over V8's own ValueSerializer (Workers/SerializerOps.swift),
// serialize/deserialize, heap statistics, flags, heap snapshots, startupSnapshot.
// Uses from earlier files: 00-core.js (core, builtins); 01-inspect.js (inspect, format); 02-errors.js (nodeError, invalidArgType, validateFunction); 03-loop.js (timers); 05-process.js (process, startTime); 06-console.js (console); 07-path.js (path); 08-fs.js (then, fs); 09-url.js (fileURLToPath, URL); 10-builtins.js (util, os, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer).
const v8Module = (() => {
  const kHandle = Symbol('kHandle');
  const isView = (v) => ArrayBuffer.isView(v);
  const handleOf = (self) => {
    if (self === null || typeof self !== 'object' || !self[kHandle]) throw new TypeError('Illegal invocation');
    return self[kHandle];
  };

  // Node's Serializer (internalBinding('serdes')): the delegate calls the subclass's
  // _writeHostObject, _getSharedArrayBufferId and _getDataCloneError when they are functions.
  const kViewsAsHost = Symbol('kViewsAsHost');
  function newSerializer(self) {
    return ops.op_ser_new({
      get writeHostObject() {
        return typeof self._writeHostObject === 'function' ? (ser, object) => { self._writeHostObject(object); } : undefined;
      },
      get getSharedArrayBufferId() {
        return typeof self._getSharedArrayBufferId === 'function' ? (ser, sab) => self._getSharedArrayBufferId(sab) : undefined;
      },
      dataCloneError(message) {
        const make = self._getDataCloneError;
        return typeof make === 'function' ? make.call(self, message) : new Error(message);
      },
    }, false);
  }
  class Serializer {
    constructor() {
      this[kHandle] = newSerializer(this);
    }
    writeHeader() { ops.op_ser_header(handleOf(this)); }
    writeValue(value) { return ops.op_ser_value(handleOf(this), value); }
    releaseBuffer() {
      const bytes = ops.op_ser_release(handleOf(this));
      // V8's ValueSerializer::Release() empties the buffer and the serializer writes on (Node's
      // test runner reuses one for every message); fe's native one is done once released, so
      // what follows is written by a fresh one, in the same views-as-host-objects mode.
      this[kHandle] = newSerializer(this);
      if (this[kViewsAsHost]) ops.op_ser_views_as_host(this[kHandle], true);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    transferArrayBuffer(id, arrayBuffer) {
      if (!(arrayBuffer instanceof ArrayBuffer)) {
        throw new TypeError('arrayBuffer must be an ArrayBuffer');
      }
      ops.op_ser_transfer(handleOf(this), id >>> 0, arrayBuffer);
    }
    writeUint32(value) { ops.op_ser_uint32(handleOf(this), Number(value) >>> 0); }
    writeUint64(hi, lo) { ops.op_ser_uint64(handleOf(this), Number(hi) >>> 0, Number(lo) >>> 0); }
    writeDouble(value) { ops.op_ser_double(handleOf(this), Number(value)); }
    writeRawBytes(source) {
      if (!isView(source)) throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'source must be a TypedArray or a DataView');
      ops.op_ser_raw(handleOf(this), new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
    }
    _setTreatArrayBufferViewsAsHostObjects(flag) {
      ops.op_ser_views_as_host(handleOf(this), !!flag);
      this[kViewsAsHost] = !!flag;
    }
  }
  Serializer.prototype._getDataCloneError = Error;

  class Deserializer {
    constructor(buffer) {
      if (!isView(buffer)) throw invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
      const self = this;
      this.buffer = buffer;
      this[kHandle] = ops.op_des_new({
        get readHostObject() {
          return typeof self._readHostObject === 'function' ? () => self._readHostObject() : undefined;
        },
      }, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    }
    readHeader() { return ops.op_des_header(handleOf(this)); }
    readValue() { return ops.op_des_value(handleOf(this)); }
    readUint32() { return ops.op_des_uint32(handleOf(this)); }
    readUint64() { return ops.op_des_uint64(handleOf(this)); }
    readDouble() { return ops.op_des_double(handleOf(this)); }
    _readRawBytes(length) { return ops.op_des_raw(handleOf(this), Number(length)); }
    readRawBytes(length) {
      const offset = this._readRawBytes(length);
      return Buffer.from(this.buffer.buffer, this.buffer.byteOffset + offset, length);
    }
    getWireFormatVersion() { return ops.op_des_version(handleOf(this)); }
    transferArrayBuffer(id, arrayBuffer) {
      if (!(arrayBuffer instanceof ArrayBuffer) && !(arrayBuffer instanceof SharedArrayBuffer)) {
        throw new TypeError('arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
      }
      ops.op_des_transfer(handleOf(this), id >>> 0, arrayBuffer);
    }
  }

  // Node's host-object format for ArrayBuffer views: a type index, the byte length, the bytes.
  const viewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array];
  const viewTypeIndex = new Map(viewTypes.map((C, i) => [`[object ${C === Buffer ? 'Uint8Array' : C.name}]`, i]));
  viewTypeIndex.set('[object Uint8Array]', 1);

  class DefaultSerializer extends Serializer {
    constructor() {
      super();
      this._setTreatArrayBufferViewsAsHostObjects(true);
    }
    _writeHostObject(abView) {
      let i = 10; // Buffer
      if (!Buffer.isBuffer(abView)) {
        i = isView(abView) ? viewTypeIndex.get(Object.prototype.toString.call(abView)) : undefined;
        if (i === undefined) throw new this._getDataCloneError(`Unserializable host object: ${inspect(abView)}`);
      }
      this.writeUint32(i);
      this.writeUint32(abView.byteLength);
      this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
    }
  }

  class DefaultDeserializer extends Deserializer {
    _readHostObject() {
      const typeIndex = this.readUint32();
      const Ctor = viewTypes[typeIndex];
      const byteLength = this.readUint32();
      const byteOffset = this._readRawBytes(byteLength);
      const size = Ctor.BYTES_PER_ELEMENT || 1;
      const offset = this.buffer.byteOffset + byteOffset;
      if (offset % size === 0) {
        if (Ctor === Buffer) return Buffer.from(this.buffer.buffer, offset, byteLength);
        return new Ctor(this.buffer.buffer, offset, byteLength / size);
      }
      // Not aligned for the element type: copy first.
      const copy = new Uint8Array(byteLength);
      copy.set(new Uint8Array(this.buffer.buffer, offset, byteLength));
      return new Ctor(copy.buffer, 0, byteLength / size);
    }
  }

  function serialize(value) {
    const ser = new DefaultSerializer();
    ser.writeHeader();
    ser.writeValue(value);
    return ser.releaseBuffer();
  }
  function deserialize(buffer) {
    const der = new DefaultDeserializer(buffer);
    der.readHeader();
    return der.readValue();
  }

  const heapStatNames = ['total_heap_size', 'total_heap_size_executable', 'total_physical_size', 'total_available_size',
    'used_heap_size', 'heap_size_limit', 'malloced_memory', 'peak_malloced_memory', 'does_zap_garbage',
    'number_of_native_contexts', 'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
    'external_memory'];
  function getHeapStatistics() {
    const v = ops.op_v8_heap_stats();
    const out = {};
    heapStatNames.forEach((name, i) => { out[name] = v[i]; });
    return out;
  }
  function getHeapSpaceStatistics() {
    return ops.op_v8_heap_spaces().map(([space_name, space_size, space_used_size, space_available_size, physical_space_size]) =>
      ({ space_name, space_size, space_used_size, space_available_size, physical_space_size }));
  }
  function getHeapCodeStatistics() {
    const v = ops.op_v8_heap_code_stats();
    return { code_and_metadata_size: v[0], bytecode_and_metadata_size: v[1], external_script_source_size: v[2], cpu_profiler_metadata_size: v[3] };
  }
  function setFlagsFromString(flags) {
    if (typeof flags !== 'string') throw invalidArgType('flags', 'string', flags);
    ops.op_v8_set_flags(flags);
  }

  // Heap snapshots: V8's JSON, as a file (writeHeapSnapshot) or a stream (getHeapSnapshot).
  let snapshotSeq = 0;
  function defaultSnapshotName() {
    const d = new Date();
    const p = (n, w = 2) => String(n).padStart(w, '0');
    const tid = requireBuiltin('worker_threads').threadId;
    return `Heap.${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}.${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}` +
      `.${process.pid}.${tid}.${p(++snapshotSeq, 3)}.heapsnapshot`;
  }
  function writeHeapSnapshot(filename) {
    if (filename !== undefined && typeof filename !== 'string' && !Buffer.isBuffer(filename) && !(filename instanceof URL)) {
      throw invalidArgType('path', ['string', 'Buffer', 'URL'], filename);
    }
    const name = filename === undefined ? defaultSnapshotName() : filename;
    requireBuiltin('fs').writeFileSync(name, ops.op_v8_heap_snapshot());
    return name instanceof URL ? fileURLToPath(name) : String(name);
  }
  function getHeapSnapshot() {
    const json = ops.op_v8_heap_snapshot();
    const { Readable } = requireBuiltin('stream');
    const chunk = 64 * 1024;
    let at = 0;
    return new Readable({
      read() {
        if (at >= json.length) { this.push(null); return; }
        this.push(Buffer.from(json.buffer, json.byteOffset + at, Math.min(chunk, json.length - at)));
        at += chunk;
      },
    });
  }

  // Garbage collections as V8 reports them (Ops/V8Ops.swift): recorded natively while anything
  // listens (a 'gc' PerformanceObserver, a started GCProfiler), handed to every listener after
  // the loop's turn that saw them (core.onGC) or when a profiler stops.
  const gcListeners = new Set();
  const kGCSpaceMax = 16; // FE_GC_SPACE_MAX, Shim/include/fe_v8.h
  function takeGCRecords() {
    const flat = ops.op_gc_take();
    const nStats = heapStatNames.length;
    const size = 4 + 2 * nStats + 8 * kGCSpaceMax;
    const records = [];
    for (let at = 0; at + size <= flat.length; at += size) {
      const stats = (offset) => flat.subarray(at + offset, at + offset + nStats);
      const spaces = (offset) => Array.from({ length: kGCSpaceMax }, (_, i) => flat.subarray(at + offset + 4 * i, at + offset + 4 * i + 4));
      records.push({
        kind: flat[at], flags: flat[at + 1], startNs: flat[at + 2], endNs: flat[at + 3],
        before: stats(4), after: stats(4 + nStats),
        spacesBefore: spaces(4 + 2 * nStats), spacesAfter: spaces(4 + 2 * nStats + 4 * kGCSpaceMax),
      });
    }
    if (records.length) for (const listener of [...gcListeners]) listener(records);
  }
  core.onGC = takeGCRecords;
  core.gcTracking = {
    add(listener) {
      if (gcListeners.size === 0) ops.op_gc_track(true);
      gcListeners.add(listener);
    },
    delete(listener) {
      if (!gcListeners.delete(listener)) return;
      takeGCRecords();
      if (gcListeners.size === 0) ops.op_gc_track(false);
    },
    flush: takeGCRecords,
  };

  // Node's GCProfiler (src/node_v8.cc): what each collection between start() and stop() cost,
  // with the heap before and after, as the JSON Node's native profiler writes.
  const gcTypeNames = { 1: 'Scavenge', 4: 'MarkSweepCompact', 8: 'IncrementalMarking', 16: 'ProcessWeakCallbacks' };
  function gcHeapStatistics(stats, spaces) {
    const stat = (name) => stats[heapStatNames.indexOf(name)];
    return {
      heapStatistics: {
        totalHeapSize: stat('total_heap_size'), totalHeapSizeExecutable: stat('total_heap_size_executable'),
        totalPhysicalSize: stat('total_physical_size'), totalAvailableSize: stat('total_available_size'),
        totalGlobalHandlesSize: stat('total_global_handles_size'), usedGlobalHandlesSize: stat('used_global_handles_size'),
        usedHeapSize: stat('used_heap_size'), heapSizeLimit: stat('heap_size_limit'), mallocedMemory: stat('malloced_memory'),
        externalMemory: stat('external_memory'), peakMallocedMemory: stat('peak_malloced_memory'),
      },
      heapSpaceStatistics: ops.op_v8_heap_spaces().map(([spaceName], i) => ({
        spaceName, spaceSize: spaces[i][0], spaceUsedSize: spaces[i][1], spaceAvailableSize: spaces[i][2], physicalSpaceSize: spaces[i][3],
      })),
    };
  }
  class GCProfiler {
    #listener = null;
    #profile = null;

    start() {
      if (this.#listener) return;
      const profile = { version: 1, startTime: Date.now(), statistics: [] };
      this.#listener = (records) => {
        for (const r of records) {
          profile.statistics.push({
            gcType: gcTypeNames[r.kind] ?? 'Unknown',
            beforeGC: gcHeapStatistics(r.before, r.spacesBefore),
            cost: (r.endNs - r.startNs) / 1e3,
            afterGC: gcHeapStatistics(r.after, r.spacesAfter),
          });
        }
      };
      this.#profile = profile;
      core.gcTracking.add(this.#listener);
    }

    stop() {
      if (!this.#listener) return undefined;
      core.gcTracking.delete(this.#listener);
      const profile = this.#profile;
      this.#listener = this.#profile = null;
      profile.endTime = Date.now();
      return profile;
    }
  }

  // Node's startup-snapshot API (lib/internal/v8/startup_snapshot.js, internal/main/mksnapshot.js).
  // `--build-snapshot entry.js` runs the entry in a runtime whose heap then becomes the snapshot
  // (core.snapshotBuild, core.snapshotSerialize); `--snapshot-blob` boots from it
  // (core.snapshotRestored, core.snapshotMain). The CLI side is FeCLI/NodeSnapshot.swift.
  const userSnapshot = { building: false, serialize: [], deserialize: [], main: null };
  const throwIfNotBuilding = () => {
    if (!userSnapshot.building) throw nodeError(Error, 'ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot');
  };
  const runCallbacks = (list) => {
    while (list.length > 0) {
      const [callback, data] = list.shift();
      callback(data);
    }
  };
  const startupSnapshot = {
    addSerializeCallback(callback, data) {
      throwIfNotBuilding();
      validateFunction(callback, 'callback');
      userSnapshot.serialize.push([callback, data]);
    },
    addDeserializeCallback(callback, data) {
      throwIfNotBuilding();
      validateFunction(callback, 'callback');
      userSnapshot.deserialize.push([callback, data]);
    },
    setDeserializeMainFunction(callback, data) {
      throwIfNotBuilding();
      validateFunction(callback, 'callback');
      if (userSnapshot.main !== null) {
        throw nodeError(Error, 'ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION', 'Deserialize main function is already configured.');
      }
      userSnapshot.main = [callback, data];
      core.snapshotHasMain = true;
    },
    isBuildingSnapshot: () => userSnapshot.building,
  };
  // The builtins Node 18 supports in a user snapshot; the others load, with a warning once.
  const snapshotModules = new Set([
    '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap', '_stream_writable',
    'assert', 'assert/strict', 'buffer', 'console', 'constants', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'os',
    'path', 'path/posix', 'path/win32', 'process', 'punycode', 'querystring', 'stream', 'stream/promises',
    'string_decoder', 'sys', 'timers', 'timers/promises', 'url', 'util', 'util/types', 'v8', 'zlib',
  ]);
  const warnedModules = new Set();
  // Node's requireForUserSnapshot: the entry's require() reaches builtins only.
  function requireForUserSnapshot(id) {
    const bare = typeof id === 'string' && id.startsWith('node:') ? id.slice(5) : id;
    if (typeof id !== 'string' || !core.isBuiltin(id)) {
      throw Object.assign(new Error(`Cannot find module '${id}'. `), { code: 'MODULE_NOT_FOUND' });
    }
    if (!snapshotModules.has(bare) && !warnedModules.has(bare)) {
      process.emitWarning(`built-in module ${id} is not yet supported in user snapshots`);
      warnedModules.add(bare);
    }
    return requireBuiltin(bare);
  }
  // The entry as Node's compileSerializeMain compiles it: a function of (require, __filename,
  // __dirname), not a CommonJS module.
  core.snapshotBuild = (source, filename) => {
    userSnapshot.building = true;
    const main = ops.op_vm_compile_function(undefined, source, filename, 0, 0, ['require', '__filename', '__dirname'], []);
    main(requireForUserSnapshot, filename, path.dirname(filename));
  };
  core.snapshotSerialize = () => runCallbacks(userSnapshot.serialize);
  // Booted from a user snapshot, after process.env and argv are this launch's: the state the
  // build's end left behind goes, then the deserialize callbacks run.
  core.snapshotRestored = () => {
    userSnapshot.building = false;
    core.resetProcessState();
    runCallbacks(userSnapshot.deserialize);
  };
  core.snapshotMain = () => {
    const [callback, data] = userSnapshot.main;
    callback(data);
  };

  const v8 = {
    cachedDataVersionTag: () => ops.op_v8_cached_data_version_tag(),
    getHeapStatistics, getHeapSpaceStatistics, getHeapCodeStatistics, setFlagsFromString,
    getHeapSnapshot, writeHeapSnapshot,
    // No-ops unless NODE_V8_COVERAGE started coverage (46-inspector.js).
    takeCoverage() { core.takeCoverage(); }, stopCoverage() { core.stopCoverage(); },
    Serializer, Deserializer, DefaultSerializer, DefaultDeserializer, serialize, deserialize,
    startupSnapshot, GCProfiler,
  };
  // Node's v8.promiseHooks: internal/promise_hooks.js, vendored.
  Object.defineProperty(v8, 'promiseHooks', {
    get() { return nodeLib.load('internal/promise_hooks'); }, enumerable: true, configurable: true,
  });
  registerBuiltin('v8', v8);
  return v8;
})();
