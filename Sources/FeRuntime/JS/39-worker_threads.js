// worker_threads: a thread with its own isolate and event loop per worker
// (being written; see issue 14)
// Uses from earlier files: none.
