// net: TCP and Unix-socket servers and clients, Socket as a Duplex, BlockList, isIP
// (being written; see issue 14)
// Uses from earlier files: none.
