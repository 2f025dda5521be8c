// DOMException: names, codes, constants, prototype chain.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const e = new DOMException('went wrong', 'NotFoundError');
t('fields', () => [e.name, e.message, e.code]);
t('is an Error', () => [e instanceof Error, e instanceof DOMException, Object.prototype.toString.call(e)]);
t('toString', () => String(e));
t('own keys', () => [Object.keys(e), Object.getOwnPropertyNames(e)]);
t('stack starts with name', () => e.stack.split('\n')[0]);
t('defaults', () => { const d = new DOMException(); return [d.name, JSON.stringify(d.message), d.code]; });
t('options object', () => { const d = new DOMException('m', { name: 'AbortError', cause: 'why' }); return [d.name, d.code, d.cause]; });
t('codes', () => ['IndexSizeError', 'SyntaxError', 'AbortError', 'TimeoutError', 'DataCloneError', 'ValidationError', 'OperationError'].map((n) => new DOMException('', n).code));
t('constants', () => [DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, e.NOT_FOUND_ERR, DOMException.INVALID_CHARACTER_ERR]);
t('getter on foreign this', () => Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get.call({}));
