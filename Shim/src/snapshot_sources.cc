// snapshot_sources.cc — large script sources kept out of V8's heap in snapshots.
//
// A tool's source is most of its snapshot: tsc.js is 6 MB, and one character outside Latin-1
// makes V8 hold it as 12 MB of UTF-16, which every launch would copy into a fresh heap. Instead
// the builder compiles large sources from external strings. V8 serialises an external string
// whose resource is in the isolate's external reference table as that table index, not as its
// characters (Serializer::ObjectSerializer::SerializeExternalString), so the snapshot image
// carries the characters beside V8's data (FeEngine's SnapshotImage) and a launch points the
// same resource slots at them, inside the mapped blob: nothing is copied.
#include "snapshot_sources.h"

namespace fe {
namespace {

constexpr size_t kExternalAtLeast = 32 * 1024;  // smaller sources are not worth a slot

// Decodes UTF-8 as V8 does (an invalid sequence becomes U+FFFD). Returns the largest code point.
template <typename Emit>
uint32_t DecodeUtf8(const uint8_t *s, size_t len, Emit emit) {
  uint32_t widest = 0;
  for (size_t i = 0; i < len;) {
    uint32_t c = s[i], need = 0, min = 0;
    if (c < 0x80) {
      need = 0;
    } else if ((c & 0xE0) == 0xC0) {
      need = 1, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      need = 2, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      need = 3, min = 0x10000, c &= 0x07;
    } else {
      need = UINT32_MAX;
    }
    size_t j = 1;
    if (need != UINT32_MAX) {
      for (; j <= need && i + j < len && (s[i + j] & 0xC0) == 0x80; j++) c = (c << 6) | (s[i + j] & 0x3F);
    }
    if (need == UINT32_MAX || j != need + 1 || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      c = 0xFFFD;
    }
    i += j;
    if (c > widest) widest = c;
    emit(c);
  }
  return widest;
}

}  // namespace

SnapshotSources::SnapshotSources() = default;

const intptr_t *SnapshotSources::References(const intptr_t *functions) {
  references_.clear();
  for (const intptr_t *f = functions; *f != 0; f++) references_.push_back(*f);
  for (int i = 0; i < FE_SOURCE_SLOTS; i++) {
    references_.push_back(reinterpret_cast<intptr_t>(&one_byte_[i]));
    references_.push_back(reinterpret_cast<intptr_t>(&two_byte_[i]));
  }
  references_.push_back(0);
  return references_.data();
}

void SnapshotSources::Adopt(const fe_source *sources, size_t count) {
  for (size_t i = 0; i < count && i < FE_SOURCE_SLOTS; i++) {
    kind_[i] = sources[i].kind;
    if (sources[i].kind == FE_SOURCE_LATIN1) {
      one_byte_[i].data_ = static_cast<const char *>(sources[i].data);
      one_byte_[i].length_ = sources[i].length;
    } else if (sources[i].kind == FE_SOURCE_UTF16) {
      two_byte_[i].data_ = static_cast<const uint16_t *>(sources[i].data);
      two_byte_[i].length_ = sources[i].length;
    }
  }
}

v8::Local<v8::String> SnapshotSources::Make(v8::Isolate *isolate, const char *utf8, size_t len) {
  int slot = 0;
  while (slot < FE_SOURCE_SLOTS && kind_[slot] != FE_SOURCE_NONE) slot++;
  if (len < kExternalAtLeast || slot == FE_SOURCE_SLOTS) {
    return v8::String::NewFromUtf8(isolate, utf8, v8::NewStringType::kNormal, static_cast<int>(len))
        .FromMaybe(v8::String::Empty(isolate));
  }
  auto bytes = reinterpret_cast<const uint8_t *>(utf8);
  size_t chars = 0;
  uint32_t widest = DecodeUtf8(bytes, len, [&](uint32_t c) { chars += c > 0xFFFF ? 2 : 1; });
  std::vector<uint8_t> &out = owned_[slot];
  v8::MaybeLocal<v8::String> made;
  if (widest <= 0xFF) {
    out.resize(chars);
    size_t at = 0;
    DecodeUtf8(bytes, len, [&](uint32_t c) { out[at++] = static_cast<uint8_t>(c); });
    one_byte_[slot].data_ = reinterpret_cast<const char *>(out.data());
    one_byte_[slot].length_ = chars;
    kind_[slot] = FE_SOURCE_LATIN1;
    made = v8::String::NewExternalOneByte(isolate, &one_byte_[slot]);
  } else {
    out.resize(chars * 2);
    auto *units = reinterpret_cast<uint16_t *>(out.data());
    size_t at = 0;
    DecodeUtf8(bytes, len, [&](uint32_t c) {
      if (c > 0xFFFF) {
        c -= 0x10000;
        units[at++] = static_cast<uint16_t>(0xD800 + (c >> 10));
        units[at++] = static_cast<uint16_t>(0xDC00 + (c & 0x3FF));
      } else {
        units[at++] = static_cast<uint16_t>(c);
      }
    });
    two_byte_[slot].data_ = units;
    two_byte_[slot].length_ = chars;
    kind_[slot] = FE_SOURCE_UTF16;
    made = v8::String::NewExternalTwoByte(isolate, &two_byte_[slot]);
  }
  v8::Local<v8::String> string;
  if (made.ToLocal(&string)) return string;
  kind_[slot] = FE_SOURCE_NONE;  // too long for V8: it fails the same way without a slot
  return v8::String::NewFromUtf8(isolate, utf8, v8::NewStringType::kNormal, static_cast<int>(len))
      .FromMaybe(v8::String::Empty(isolate));
}

size_t SnapshotSources::Export(fe_source *out, size_t max) const {
  size_t n = 0;
  for (int i = 0; i < FE_SOURCE_SLOTS && kind_[i] != FE_SOURCE_NONE && n < max; i++, n++) {
    out[n].kind = kind_[i];
    if (kind_[i] == FE_SOURCE_LATIN1) {
      out[n].data = one_byte_[i].data_;
      out[n].length = one_byte_[i].length_;
    } else {
      out[n].data = two_byte_[i].data_;
      out[n].length = two_byte_[i].length_;
    }
  }
  return n;
}

}  // namespace fe
