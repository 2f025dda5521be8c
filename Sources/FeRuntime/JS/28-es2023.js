// Newer JavaScript built-ins that V8 10.2 lacks and tools for Node 20 to 24 use (ES2023 to
// ES2025): change-array-by-copy (Array and TypedArray toSorted/toReversed/toSpliced/with),
// Object.groupBy/Map.groupBy, Promise.withResolvers, Array.fromAsync, the Set methods,
// String isWellFormed/toWellFormed and the iterator helpers (a global `Iterator`). Each follows
// the spec's steps: methods are not constructors, non-enumerable, with the spec's length and
// name; no species; errors where the spec throws. Only what is missing is defined, so a newer V8
// keeps its own. Not here (they need the engine): new syntax (RegExp `v` flag, `using`,
// decorators) and ArrayBuffer.prototype.transfer (detaching a buffer needs V8's API).
// Uses from earlier files: 00-core.js (define); 01-inspect.js (typedArrayLength, typedArrayTag, inspect).
{
  const ReflectApply = Reflect.apply;
  const call = (fn, thisArg, ...args) => ReflectApply(fn, thisArg, args);
  const isObject = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const isCallable = (v) => typeof v === 'function';
  const isConstructor = (f) => {
    if (typeof f !== 'function') return false;
    try { Reflect.construct(String, [], f); return true; } catch { return false; }
  };
  const MAX_SAFE = 2 ** 53 - 1;
  const MAX_ARRAY = 2 ** 32 - 1;
  const toIntegerOrInfinity = (v) => {
    const n = +v;
    if (n !== n || n === 0) return 0;
    return Math.trunc(n);
  };
  const toObject = (v, what) => {
    if (v == null) throw new TypeError(`${what} called on null or undefined`);
    return Object(v);
  };
  const lengthOfArrayLike = (o) => {
    const len = toIntegerOrInfinity(o.length);
    return len <= 0 ? 0 : Math.min(len, MAX_SAFE);
  };
  const arrayCreate = (len) => {
    if (len > MAX_ARRAY) throw new RangeError('Invalid array length');
    return [];
  };
  const toPropertyKey = (k) => {
    if (typeof k === 'symbol') return k;
    if (!isObject(k)) return `${k}`;
    return Reflect.ownKeys({ [k]: 0 })[0];
  };
  const createDataProperty = (o, k, value) =>
    Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
  // Defines the methods of an object literal on `target` as built-ins are: non-enumerable.
  const install = (target, methods) => {
    for (const key of Reflect.ownKeys(methods)) {
      if (key in target) continue;
      const d = Object.getOwnPropertyDescriptor(methods, key);
      d.enumerable = false;
      Object.defineProperty(target, key, d);
    }
  };

  // Iterator records and closing, as the spec's IteratorStepValue and IteratorClose.
  const getIteratorDirect = (o) => ({ iterator: o, next: o.next, done: false });
  const DONE = Symbol('done');
  const stepValue = (rec) => {
    const result = call(rec.next, rec.iterator);
    if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
    if (result.done) { rec.done = true; return DONE; }
    return result.value;
  };
  const getMethod = (o, key) => {
    const f = o[key];
    if (f == null) return undefined;
    if (!isCallable(f)) throw new TypeError(`${String(key)} is not a function`);
    return f;
  };
  // IteratorClose with a normal (or return) completion: the return() method's errors win.
  const closeNormal = (iterator) => {
    const ret = getMethod(iterator, 'return');
    if (ret === undefined) return;
    const r = call(ret, iterator);
    if (!isObject(r)) throw new TypeError(`Iterator result ${String(r)} is not an object`);
  };
  // IteratorClose with a throw completion: the original error wins.
  const closeThrow = (iterator) => {
    try {
      const ret = getMethod(iterator, 'return');
      if (ret !== undefined) call(ret, iterator);
    } catch {}
  };
  const getIteratorFromMethod = (obj, method) => {
    const iterator = call(method, obj);
    if (!isObject(iterator)) throw new TypeError('Result of the Symbol.iterator method is not an object');
    return getIteratorDirect(iterator);
  };

  // ---------------------------------------------------------------------------------------------
  // Change array by copy (ES2023).
  const ArrayPrototype = Array.prototype;
  const arraySort = ArrayPrototype.sort;
  install(ArrayPrototype, {
    toReversed() {
      const o = toObject(this, 'Array.prototype.toReversed');
      const len = lengthOfArrayLike(o);
      const a = arrayCreate(len);
      for (let k = 0; k < len; k++) a[k] = o[len - k - 1];
      return a;
    },
    toSorted(comparefn) {
      if (comparefn !== undefined && !isCallable(comparefn)) {
        throw new TypeError('The comparison function must be either a function or undefined');
      }
      const o = toObject(this, 'Array.prototype.toSorted');
      const len = lengthOfArrayLike(o);
      const a = arrayCreate(len);
      for (let k = 0; k < len; k++) a[k] = o[k];
      return call(arraySort, a, comparefn);
    },
    toSpliced(start, skipCount) {
      const o = toObject(this, 'Array.prototype.toSpliced');
      const len = lengthOfArrayLike(o);
      const relativeStart = toIntegerOrInfinity(start);
      const actualStart = relativeStart < 0 ? Math.max(len + relativeStart, 0) : Math.min(relativeStart, len);
      const insertCount = Math.max(arguments.length - 2, 0);
      let actualSkipCount;
      if (arguments.length === 0) actualSkipCount = 0;
      else if (arguments.length === 1) actualSkipCount = len - actualStart;
      else actualSkipCount = Math.min(Math.max(toIntegerOrInfinity(skipCount), 0), len - actualStart);
      const newLen = len + insertCount - actualSkipCount;
      if (newLen > MAX_SAFE) throw new TypeError(`Invalid array length: ${newLen} exceeds the maximum length`);
      const a = arrayCreate(newLen);
      let i = 0;
      let r = actualStart + actualSkipCount;
      for (; i < actualStart; i++) a[i] = o[i];
      for (let j = 2; j < arguments.length; j++) a[i++] = arguments[j];
      for (; i < newLen; i++, r++) a[i] = o[r];
      return a;
    },
    with(index, value) {
      const o = toObject(this, 'Array.prototype.with');
      const len = lengthOfArrayLike(o);
      const relativeIndex = toIntegerOrInfinity(index);
      const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
      if (actualIndex >= len || actualIndex < 0) throw new RangeError('Invalid index : ' + String(index));
      const a = arrayCreate(len);
      for (let k = 0; k < len; k++) a[k] = k === actualIndex ? value : o[k];
      return a;
    },
  });
  const unscopables = ArrayPrototype[Symbol.unscopables];
  for (const name of ['toReversed', 'toSorted', 'toSpliced']) {
    if (!(name in unscopables)) unscopables[name] = true;
  }

  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  // typedArrayTag and typedArrayLength: %TypedArray%'s own getters (01-inspect.js).
  // (`includes`, not `at`: V8 installs `at` only after a snapshot is created.)
  const typedArrayIncludes = TypedArrayPrototype.includes;
  const typedArraySort = TypedArrayPrototype.sort;
  const typedArrayConstructors = {
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array,
  };
  // ValidateTypedArray: a TypedArray whose buffer is not detached (V8's own `includes` checks both).
  const validateTypedArray = (o, method) => {
    if (call(typedArrayTag, o) === undefined) throw new TypeError(`this is not a typed array.`);
    call(typedArrayIncludes, o, 0, Infinity);
    return call(typedArrayLength, o);
  };
  const sameType = (o, len) => new typedArrayConstructors[call(typedArrayTag, o)](len);
  install(TypedArrayPrototype, {
    toReversed() {
      const len = validateTypedArray(this, 'toReversed');
      const a = sameType(this, len);
      for (let k = 0; k < len; k++) a[k] = this[len - k - 1];
      return a;
    },
    toSorted(comparefn) {
      if (comparefn !== undefined && !isCallable(comparefn)) {
        throw new TypeError('The comparison function must be either a function or undefined');
      }
      const len = validateTypedArray(this, 'toSorted');
      const a = sameType(this, len);
      for (let k = 0; k < len; k++) a[k] = this[k];
      return call(typedArraySort, a, comparefn);
    },
    with(index, value) {
      const len = validateTypedArray(this, 'with');
      const relativeIndex = toIntegerOrInfinity(index);
      const actualIndex = relativeIndex >= 0 ? relativeIndex : len + relativeIndex;
      const tag = call(typedArrayTag, this);
      let numericValue;
      if (tag === 'BigInt64Array' || tag === 'BigUint64Array') {
        const cell = new BigInt64Array(1);
        cell[0] = value; // ToBigInt
        numericValue = cell[0];
      } else numericValue = +value;
      // IsValidIntegerIndex, after the value's conversion (which may shrink or detach the buffer).
      if (!(actualIndex >= 0 && actualIndex < call(typedArrayLength, this))) throw new RangeError('Invalid typed array index');
      const a = sameType(this, len);
      for (let k = 0; k < len; k++) a[k] = k === actualIndex ? numericValue : this[k];
      return a;
    },
  });

  // ---------------------------------------------------------------------------------------------
  // Object.groupBy, Map.groupBy (ES2024).
  const groupBy = (items, callbackfn, property) => {
    if (items == null) throw new TypeError('groupBy called on null or undefined');
    if (!isCallable(callbackfn)) throw new TypeError(`${String(callbackfn)} is not a function`);
    const groups = new Map();
    let k = 0;
    for (const value of items) {
      let key = callbackfn(value, k);
      if (property) key = toPropertyKey(key);
      else if (key === 0) key = 0; // -0 is +0
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [value]);
      else group.push(value);
      k++;
    }
    return groups;
  };
  install(Object, {
    groupBy(items, callbackfn) {
      const groups = groupBy(items, callbackfn, true);
      const obj = Object.create(null);
      for (const [key, elements] of groups) createDataProperty(obj, key, elements);
      return obj;
    },
  });
  install(Map, {
    groupBy(items, callbackfn) {
      const groups = groupBy(items, callbackfn, false);
      const map = new Map();
      for (const [key, elements] of groups) map.set(key, elements);
      return map;
    },
  });

  // ---------------------------------------------------------------------------------------------
  // Promise.withResolvers (ES2024): NewPromiseCapability(this).
  install(Promise, {
    withResolvers() {
      const C = this;
      if (!isConstructor(C)) throw new TypeError('Promise.withResolvers called on a non-constructor');
      let resolve, reject;
      const promise = new C((res, rej) => {
        if (resolve !== undefined) throw new TypeError('Promise executor has already been invoked with non-undefined arguments');
        if (reject !== undefined) throw new TypeError('Promise executor has already been invoked with non-undefined arguments');
        resolve = res;
        reject = rej;
      });
      if (!isCallable(resolve)) throw new TypeError('Promise resolve function is not callable');
      if (!isCallable(reject)) throw new TypeError('Promise reject function is not callable');
      return { promise, resolve, reject };
    },
  });

  // ---------------------------------------------------------------------------------------------
  // Array.fromAsync (ES2026): async and sync iterables (each value awaited) and array-likes.
  const asyncClose = async (iterator) => {
    try {
      const ret = getMethod(iterator, 'return');
      if (ret !== undefined) await call(ret, iterator);
    } catch {}
  };
  install(Array, {
    async fromAsync(asyncItems) {
      const C = this;
      const mapfn = arguments[1];
      const thisArg = arguments[2];
      const mapping = mapfn !== undefined;
      if (mapping && !isCallable(mapfn)) throw new TypeError(`${String(mapfn)} is not a function`);
      if (asyncItems == null) throw new TypeError(`${String(asyncItems)} is not iterable or array-like`);
      const usingAsyncIterator = getMethod(asyncItems, Symbol.asyncIterator);
      const usingSyncIterator = usingAsyncIterator === undefined ? getMethod(asyncItems, Symbol.iterator) : undefined;
      if (usingAsyncIterator !== undefined || usingSyncIterator !== undefined) {
        const sync = usingAsyncIterator === undefined;
        const rec = getIteratorFromMethod(asyncItems, sync ? usingSyncIterator : usingAsyncIterator);
        const a = isConstructor(C) ? new C() : [];
        for (let k = 0; ; k++) {
          if (k >= MAX_SAFE) {
            const error = new TypeError('Array.fromAsync: too many elements');
            await asyncClose(rec.iterator);
            throw error;
          }
          let result = call(rec.next, rec.iterator);
          if (!sync) result = await result;
          if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
          const done = !!result.done;
          let value = sync || !done ? result.value : undefined;
          if (sync) {
            // CreateAsyncFromSyncIterator: the value is awaited; a rejection closes the iterator.
            try { value = await value; } catch (e) { if (!done) closeThrow(rec.iterator); throw e; }
          }
          if (done) {
            a.length = k;
            return a;
          }
          let mapped = value;
          if (mapping) {
            try { mapped = await call(mapfn, thisArg, value, k); } catch (e) { await asyncClose(rec.iterator); throw e; }
          }
          try { createDataProperty(a, k, mapped); } catch (e) { await asyncClose(rec.iterator); throw e; }
        }
      }
      const arrayLike = Object(asyncItems);
      const len = lengthOfArrayLike(arrayLike);
      const a = isConstructor(C) ? new C(len) : arrayCreate(len);
      for (let k = 0; k < len; k++) {
        const value = await arrayLike[k];
        const mapped = mapping ? await call(mapfn, thisArg, value, k) : value;
        createDataProperty(a, k, mapped);
      }
      a.length = len;
      return a;
    },
  });

  // ---------------------------------------------------------------------------------------------
  // Set methods (ES2025), over the argument's set-like protocol: size, has, keys.
  const SetCtor = Set;
  const SetPrototype = Set.prototype;
  const setSize = Object.getOwnPropertyDescriptor(SetPrototype, 'size').get;
  const setHas = SetPrototype.has;
  const setAdd = SetPrototype.add;
  const setDelete = SetPrototype.delete;
  const setValues = SetPrototype.values;
  const setIteratorNext = Object.getPrototypeOf(new Set().values()).next;
  const thisSet = (o, method) => {
    try { return call(setSize, o); } catch {
      throw new TypeError(`Method Set.prototype.${method} called on incompatible receiver`);
    }
  };
  const getSetRecord = (obj) => {
    if (!isObject(obj)) throw new TypeError(`The argument must be an object: ${String(obj)}`);
    const rawSize = obj.size;
    const numSize = +rawSize;
    if (numSize !== numSize) throw new TypeError("The 'size' property must be a number");
    const intSize = toIntegerOrInfinity(numSize);
    if (intSize < 0) throw new RangeError("The 'size' property must not be negative");
    const has = obj.has;
    if (!isCallable(has)) throw new TypeError("The 'has' property must be a function");
    const keys = obj.keys;
    if (!isCallable(keys)) throw new TypeError("The 'keys' property must be a function");
    return { set: obj, size: intSize, has, keys };
  };
  const getKeysIterator = (rec) => {
    const iterator = call(rec.keys, rec.set);
    if (!isObject(iterator)) throw new TypeError('The result of keys() must be an object');
    return getIteratorDirect(iterator);
  };
  // Each element of a Set, live: elements added while iterating are visited, deleted ones not.
  function* elements(set) {
    const it = call(setValues, set);
    for (let r = call(setIteratorNext, it); !r.done; r = call(setIteratorNext, it)) yield r.value;
  }
  const copySet = (set) => {
    const result = new SetCtor();
    for (const e of elements(set)) call(setAdd, result, e);
    return result;
  };
  const canonical = (v) => (v === 0 ? 0 : v);
  install(SetPrototype, {
    union(other) {
      thisSet(this, 'union');
      const rec = getSetRecord(other);
      const keys = getKeysIterator(rec);
      const result = copySet(this);
      for (let next; (next = stepValue(keys)) !== DONE;) call(setAdd, result, canonical(next));
      return result;
    },
    intersection(other) {
      const size = thisSet(this, 'intersection');
      const rec = getSetRecord(other);
      const result = new SetCtor();
      if (size <= rec.size) {
        for (const e of elements(this)) {
          if (call(rec.has, rec.set, e)) call(setAdd, result, e);
        }
      } else {
        const keys = getKeysIterator(rec);
        for (let next; (next = stepValue(keys)) !== DONE;) {
          next = canonical(next);
          if (call(setHas, this, next)) call(setAdd, result, next);
        }
      }
      return result;
    },
    difference(other) {
      const size = thisSet(this, 'difference');
      const rec = getSetRecord(other);
      const result = copySet(this);
      if (size <= rec.size) {
        for (const e of [...elements(result)]) {
          if (call(rec.has, rec.set, e)) call(setDelete, result, e);
        }
      } else {
        const keys = getKeysIterator(rec);
        for (let next; (next = stepValue(keys)) !== DONE;) call(setDelete, result, canonical(next));
      }
      return result;
    },
    symmetricDifference(other) {
      thisSet(this, 'symmetricDifference');
      const rec = getSetRecord(other);
      const keys = getKeysIterator(rec);
      const result = copySet(this);
      for (let next; (next = stepValue(keys)) !== DONE;) {
        next = canonical(next);
        const alreadyInResult = call(setHas, result, next);
        if (call(setHas, this, next)) {
          if (alreadyInResult) call(setDelete, result, next);
        } else if (!alreadyInResult) call(setAdd, result, next);
      }
      return result;
    },
    isSubsetOf(other) {
      const size = thisSet(this, 'isSubsetOf');
      const rec = getSetRecord(other);
      if (size > rec.size) return false;
      for (const e of elements(this)) {
        if (!call(rec.has, rec.set, e)) return false;
      }
      return true;
    },
    isSupersetOf(other) {
      const size = thisSet(this, 'isSupersetOf');
      const rec = getSetRecord(other);
      if (size < rec.size) return false;
      const keys = getKeysIterator(rec);
      for (let next; (next = stepValue(keys)) !== DONE;) {
        if (!call(setHas, this, next)) { closeNormal(keys.iterator); return false; }
      }
      return true;
    },
    isDisjointFrom(other) {
      const size = thisSet(this, 'isDisjointFrom');
      const rec = getSetRecord(other);
      if (size <= rec.size) {
        for (const e of elements(this)) {
          if (call(rec.has, rec.set, e)) return false;
        }
      } else {
        const keys = getKeysIterator(rec);
        for (let next; (next = stepValue(keys)) !== DONE;) {
          if (call(setHas, this, next)) { closeNormal(keys.iterator); return false; }
        }
      }
      return true;
    },
  });

  // ---------------------------------------------------------------------------------------------
  // String.prototype.isWellFormed / toWellFormed (ES2024): lone surrogates.
  const loneSurrogate = (s, i) => {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) return 0;
    if (c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    }
    return 1;
  };
  install(String.prototype, {
    isWellFormed() {
      if (this == null) throw new TypeError('String.prototype.isWellFormed called on null or undefined');
      const s = `${this}`;
      for (let i = 0; i < s.length; i++) {
        const n = loneSurrogate(s, i);
        if (n === 1) return false;
        if (n === 2) i++;
      }
      return true;
    },
    toWellFormed() {
      if (this == null) throw new TypeError('String.prototype.toWellFormed called on null or undefined');
      const s = `${this}`;
      let out = '';
      let from = 0;
      for (let i = 0; i < s.length; i++) {
        const n = loneSurrogate(s, i);
        if (n === 2) i++;
        else if (n === 1) { out += s.slice(from, i) + '\ufffd'; from = i + 1; }
      }
      return from === 0 ? s : out + s.slice(from);
    },
  });

  // ---------------------------------------------------------------------------------------------
  // Iterator helpers (ES2025): a global `Iterator` whose prototype is %IteratorPrototype%.
  if (typeof globalThis.Iterator !== 'function') {
    const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
    function Iterator() {
      if (new.target === undefined || new.target === Iterator) {
        throw new TypeError('Abstract class Iterator not directly constructable');
      }
    }
    Object.defineProperty(Iterator, 'prototype', { value: IteratorPrototype, writable: false, enumerable: false, configurable: false });
    // SetterThatIgnoresPrototypeProperties, for Iterator.prototype's constructor and toStringTag.
    const ignoringSetter = (o, key, v) => {
      if (!isObject(o)) throw new TypeError('Iterator.prototype setter called on a non-object');
      if (o === IteratorPrototype) throw new TypeError(`Cannot assign to read only property '${String(key)}' of Iterator.prototype`);
      if (Object.getOwnPropertyDescriptor(o, key) === undefined) createDataProperty(o, key, v);
      else o[key] = v;
    };
    const accessors = {
      get constructor() { return Iterator; },
      set constructor(v) { ignoringSetter(this, 'constructor', v); },
      get [Symbol.toStringTag]() { return 'Iterator'; },
      set [Symbol.toStringTag](v) { ignoringSetter(this, Symbol.toStringTag, v); },
    };
    for (const key of ['constructor', Symbol.toStringTag]) {
      const d = Object.getOwnPropertyDescriptor(accessors, key);
      d.enumerable = false;
      Object.defineProperty(IteratorPrototype, key, d);
    }

    // GetIteratorFlattenable.
    const getIteratorFlattenable = (obj, strings) => {
      if (!isObject(obj) && !(strings && typeof obj === 'string')) throw new TypeError(`${String(obj)} is not an object`);
      const method = getMethod(obj, Symbol.iterator);
      const iterator = method === undefined ? obj : call(method, obj);
      if (!isObject(iterator)) throw new TypeError(`${String(iterator)} is not an object`);
      return getIteratorDirect(iterator);
    };

    // %WrapForValidIteratorPrototype%: what Iterator.from returns for an iterator that does not
    // inherit from Iterator.prototype.
    class WrapForValidIterator {
      #iterated;
      constructor(rec) { this.#iterated = rec; }
      next() {
        if (!isObject(this) || !(#iterated in this)) throw new TypeError('next method called on incompatible receiver');
        return call(this.#iterated.next, this.#iterated.iterator);
      }
      return() {
        if (!isObject(this) || !(#iterated in this)) throw new TypeError('return method called on incompatible receiver');
        const iterator = this.#iterated.iterator;
        const ret = getMethod(iterator, 'return');
        if (ret === undefined) return { value: undefined, done: true };
        return call(ret, iterator);
      }
    }
    Object.setPrototypeOf(WrapForValidIterator.prototype, IteratorPrototype);
    delete WrapForValidIterator.prototype.constructor;

    // %IteratorHelperPrototype%: a helper runs its closure as a generator.
    class IteratorHelper {
      #gen; #underlying; #started = false;
      constructor(underlying, gen) { this.#underlying = underlying; this.#gen = gen; }
      next() {
        if (!isObject(this) || !(#gen in this)) throw new TypeError('Iterator Helper next method called on incompatible receiver');
        this.#started = true;
        return this.#gen.next();
      }
      return() {
        if (!isObject(this) || !(#gen in this)) throw new TypeError('Iterator Helper return method called on incompatible receiver');
        if (!this.#started) {
          this.#started = true;
          this.#gen.return();
          closeNormal(this.#underlying);
          return { value: undefined, done: true };
        }
        return this.#gen.return(undefined);
      }
    }
    const IteratorHelperPrototype = IteratorHelper.prototype;
    Object.setPrototypeOf(IteratorHelperPrototype, IteratorPrototype);
    delete IteratorHelperPrototype.constructor;
    Object.defineProperty(IteratorHelperPrototype, Symbol.toStringTag, { value: 'Iterator Helper', writable: false, enumerable: false, configurable: true });

    // The receiver and a callable argument, checked as the spec does: a bad argument closes `o`.
    const thisIterator = (o) => {
      if (!isObject(o)) throw new TypeError('Iterator helper called on a non-object');
      return o;
    };
    const needCallable = (o, fn) => {
      if (!isCallable(fn)) {
        const error = new TypeError(`${typeof fn === 'symbol' ? fn.toString() : String(fn)} is not a function`);
        closeThrow(o);
        throw error;
      }
    };
    const toLimit = (o, limit) => {
      let n;
      try { n = +limit; } catch (e) { closeThrow(o); throw e; }
      if (n !== n) { const error = new RangeError(`${String(limit)} must be positive`); closeThrow(o); throw error; }
      const integer = toIntegerOrInfinity(n);
      if (integer < 0) { const error = new RangeError(`${String(limit)} must be positive`); closeThrow(o); throw error; }
      return integer;
    };
    // A helper over the record `rec`; each closure closes the underlying iterator when a return()
    // arrives at its yield (IfAbruptCloseIterator).
    const helper = (rec, body) => new IteratorHelper(rec.iterator, body(rec));

    install(Iterator, {
      from(o) {
        const rec = getIteratorFlattenable(o, true);
        if (call(Object.prototype.isPrototypeOf, IteratorPrototype, rec.iterator)) return rec.iterator;
        return new WrapForValidIterator(rec);
      },
    });
    install(IteratorPrototype, {
      map(mapper) {
        const o = thisIterator(this);
        needCallable(o, mapper);
        return helper(getIteratorDirect(o), function* (rec) {
          for (let counter = 0; ; counter++) {
            const value = stepValue(rec);
            if (value === DONE) return;
            let mapped;
            try { mapped = mapper(value, counter); } catch (e) { closeThrow(rec.iterator); throw e; }
            let ok = false;
            try { yield mapped; ok = true; } finally { if (!ok) closeNormal(rec.iterator); }
          }
        });
      },
      filter(predicate) {
        const o = thisIterator(this);
        needCallable(o, predicate);
        return helper(getIteratorDirect(o), function* (rec) {
          for (let counter = 0; ; counter++) {
            const value = stepValue(rec);
            if (value === DONE) return;
            let selected;
            try { selected = predicate(value, counter); } catch (e) { closeThrow(rec.iterator); throw e; }
            if (selected) {
              let ok = false;
              try { yield value; ok = true; } finally { if (!ok) closeNormal(rec.iterator); }
            }
          }
        });
      },
      take(limit) {
        const o = thisIterator(this);
        const integerLimit = toLimit(o, limit);
        return helper(getIteratorDirect(o), function* (rec) {
          for (let remaining = integerLimit; ;) {
            if (remaining === 0) { closeNormal(rec.iterator); return; }
            if (remaining !== Infinity) remaining--;
            const value = stepValue(rec);
            if (value === DONE) return;
            let ok = false;
            try { yield value; ok = true; } finally { if (!ok) closeNormal(rec.iterator); }
          }
        });
      },
      drop(limit) {
        const o = thisIterator(this);
        const integerLimit = toLimit(o, limit);
        return helper(getIteratorDirect(o), function* (rec) {
          for (let remaining = integerLimit; remaining > 0;) {
            if (remaining !== Infinity) remaining--;
            if (stepValue(rec) === DONE) return;
          }
          for (;;) {
            const value = stepValue(rec);
            if (value === DONE) return;
            let ok = false;
            try { yield value; ok = true; } finally { if (!ok) closeNormal(rec.iterator); }
          }
        });
      },
      flatMap(mapper) {
        const o = thisIterator(this);
        needCallable(o, mapper);
        return helper(getIteratorDirect(o), function* (rec) {
          for (let counter = 0; ; counter++) {
            const value = stepValue(rec);
            if (value === DONE) return;
            let inner;
            try { inner = getIteratorFlattenable(mapper(value, counter), false); } catch (e) { closeThrow(rec.iterator); throw e; }
            for (;;) {
              let innerValue;
              try { innerValue = stepValue(inner); } catch (e) { closeThrow(rec.iterator); throw e; }
              if (innerValue === DONE) break;
              let ok = false;
              try { yield innerValue; ok = true; } finally {
                if (!ok) {
                  try { closeNormal(inner.iterator); } catch (e) { closeThrow(rec.iterator); throw e; }
                  closeNormal(rec.iterator);
                }
              }
            }
          }
        });
      },
      reduce(reducer) {
        const o = thisIterator(this);
        needCallable(o, reducer);
        const rec = getIteratorDirect(o);
        let accumulator;
        let counter;
        if (arguments.length < 2) {
          accumulator = stepValue(rec);
          if (accumulator === DONE) throw new TypeError('Reduce of empty iterator with no initial value');
          counter = 1;
        } else {
          accumulator = arguments[1];
          counter = 0;
        }
        for (;; counter++) {
          const value = stepValue(rec);
          if (value === DONE) return accumulator;
          try { accumulator = reducer(accumulator, value, counter); } catch (e) { closeThrow(o); throw e; }
        }
      },
      toArray() {
        const o = thisIterator(this);
        const rec = getIteratorDirect(o);
        const items = [];
        for (let value; (value = stepValue(rec)) !== DONE;) items.push(value);
        return items;
      },
      forEach(fn) {
        const o = thisIterator(this);
        needCallable(o, fn);
        const rec = getIteratorDirect(o);
        for (let counter = 0, value; (value = stepValue(rec)) !== DONE; counter++) {
          try { fn(value, counter); } catch (e) { closeThrow(o); throw e; }
        }
      },
      some(predicate) {
        const o = thisIterator(this);
        needCallable(o, predicate);
        const rec = getIteratorDirect(o);
        for (let counter = 0, value; (value = stepValue(rec)) !== DONE; counter++) {
          let result;
          try { result = predicate(value, counter); } catch (e) { closeThrow(o); throw e; }
          if (result) { closeNormal(o); return true; }
        }
        return false;
      },
      every(predicate) {
        const o = thisIterator(this);
        needCallable(o, predicate);
        const rec = getIteratorDirect(o);
        for (let counter = 0, value; (value = stepValue(rec)) !== DONE; counter++) {
          let result;
          try { result = predicate(value, counter); } catch (e) { closeThrow(o); throw e; }
          if (!result) { closeNormal(o); return false; }
        }
        return true;
      },
      find(predicate) {
        const o = thisIterator(this);
        needCallable(o, predicate);
        const rec = getIteratorDirect(o);
        for (let counter = 0, value; (value = stepValue(rec)) !== DONE; counter++) {
          let result;
          try { result = predicate(value, counter); } catch (e) { closeThrow(o); throw e; }
          if (result) { closeNormal(o); return value; }
        }
        return undefined;
      },
    });
    define(globalThis, 'Iterator', Iterator);
  }
}
