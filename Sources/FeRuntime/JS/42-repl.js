// repl
// (being written; see issue 14)
// Uses from earlier files: none.
