// cluster: workers forked with an IPC channel
// (being written; see issue 14)
// Uses from earlier files: none.
