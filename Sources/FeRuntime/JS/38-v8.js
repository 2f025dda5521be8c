// v8: serialize/deserialize, heap statistics
// (being written; see issue 14)
// Uses from earlier files: none.
