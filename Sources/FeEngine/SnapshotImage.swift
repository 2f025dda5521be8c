import CFeV8
import CXXHash

/// A snapshot as fe stores it: V8's startup data, then the characters of the large script
/// sources the heap refers to as external strings (see Shim/src/snapshot_sources.cc), so that
/// booting maps them instead of copying them into the heap.
///
///     V8 startup data
///     source characters, each block 8-byte aligned (Latin-1 bytes or UTF-16LE code units)
///     one 24-byte entry a source: kind u32, 0 u32, offset u64, length in characters u64
///     trailer: V8 data size u64, XXH3-64 of the V8 data u64, source count u32, magic "FES2"
///
/// All integers little-endian; offsets from the image's start. The whole image is what the blob
/// file's checksums cover; the V8 data's own checksum lets a launch check just the part V8 reads
/// before booting, while the rest is checked on another thread (MappedBlob).
enum SnapshotImage {
  static let magic: UInt32 = 0x3253_4546  // "FES2"
  static let trailerSize = 24
  static let entrySize = 24

  static func compose(v8 data: UnsafeBufferPointer<UInt8>, sources: [fe_source]) -> [UInt8] {
    var out = [UInt8](data)
    var entries: [(kind: UInt32, offset: Int, length: Int)] = []
    for source in sources {
      pad(&out)
      let bytes = source.length * (source.kind == UInt32(FE_SOURCE_UTF16) ? 2 : 1)
      entries.append((source.kind, out.count, source.length))
      out += UnsafeRawBufferPointer(start: source.data, count: bytes)
    }
    pad(&out)
    for entry in entries {
      append(&out, UInt64(entry.kind), 4)
      append(&out, 0, 4)
      append(&out, UInt64(entry.offset), 8)
      append(&out, UInt64(entry.length), 8)
    }
    append(&out, UInt64(data.count), 8)
    append(&out, fe_xxh3_64(data.baseAddress, data.count), 8)
    append(&out, UInt64(entries.count), 4)
    append(&out, UInt64(magic), 4)
    return out
  }

  /// V8's part and the sources, pointing into `image`; nil when the layout does not hold up.
  static func parse(_ image: UnsafeRawBufferPointer) -> (v8: UnsafeRawBufferPointer, v8Checksum: UInt64, sources: [fe_source])? {
    guard let base = image.baseAddress, image.count >= trailerSize else { return nil }
    let trailer = image.count - trailerSize
    guard read(image, trailer + 20, 4) == UInt64(magic) else { return nil }
    let v8Size = read(image, trailer, 8)
    let count = read(image, trailer + 16, 4)
    guard count <= UInt64(FE_SOURCE_SLOTS), v8Size <= UInt64(trailer) else { return nil }
    let table = trailer - Int(count) * entrySize
    guard table >= Int(v8Size) else { return nil }
    var sources: [fe_source] = []
    for i in 0..<Int(count) {
      let at = table + i * entrySize
      let kind = UInt32(read(image, at, 4))
      let offset = read(image, at + 8, 8)
      let length = read(image, at + 16, 8)
      let width: UInt64 = kind == UInt32(FE_SOURCE_UTF16) ? 2 : 1
      guard kind == UInt32(FE_SOURCE_LATIN1) || kind == UInt32(FE_SOURCE_UTF16), offset % 8 == 0, offset >= v8Size,
        length <= UInt64(table), offset <= UInt64(table) - length * width
      else { return nil }
      sources.append(fe_source(kind: kind, data: base + Int(offset), length: Int(length)))
    }
    return (UnsafeRawBufferPointer(start: base, count: Int(v8Size)), read(image, trailer + 8, 8), sources)
  }

  private static func pad(_ out: inout [UInt8]) {
    while out.count % 8 != 0 { out.append(0) }
  }

  private static func append(_ out: inout [UInt8], _ value: UInt64, _ bytes: Int) {
    for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
  }

  private static func read(_ buffer: UnsafeRawBufferPointer, _ offset: Int, _ bytes: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<bytes { value |= UInt64(buffer[offset + i]) << (8 * UInt64(i)) }
    return value
  }
}
