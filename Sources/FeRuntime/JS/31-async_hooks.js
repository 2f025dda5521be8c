// async_hooks: AsyncLocalStorage, AsyncResource, executionAsyncId, createHook
// (being written; see issue 14)
// Uses from earlier files: none.
