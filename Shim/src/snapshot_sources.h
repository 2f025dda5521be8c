// snapshot_sources.h — large script sources kept out of V8's heap (see snapshot_sources.cc).
#pragma once

#include <v8.h>

#include <cstdint>
#include <vector>

#include "fe_v8.h"

namespace fe {

class SnapshotSources {
 public:
  SnapshotSources();
  SnapshotSources(const SnapshotSources &) = delete;
  SnapshotSources &operator=(const SnapshotSources &) = delete;

  // The external reference table for one isolate: `functions` (0-terminated), then this
  // object's string resources. Lives as long as this object.
  const intptr_t *References(const intptr_t *functions);

  // Before booting a snapshot: points its sources at `data` (memory that outlives the isolate).
  void Adopt(const fe_source *sources, size_t count);

  // While building one: the string for a script's source. Large ones become external strings
  // whose characters this object keeps; V8 serialises them as a reference to their resource.
  v8::Local<v8::String> Make(v8::Isolate *isolate, const char *utf8, size_t len);

  // After building: the sources the snapshot refers to, valid while this object lives.
  size_t Export(fe_source *out, size_t max) const;

 private:
  class OneByte final : public v8::String::ExternalOneByteStringResource {
   public:
    const char *data() const override { return data_; }
    size_t length() const override { return length_; }
    void Dispose() override {}  // owned by SnapshotSources, never by V8
    const char *data_ = "";
    size_t length_ = 0;
  };
  class TwoByte final : public v8::String::ExternalStringResource {
   public:
    const uint16_t *data() const override { return data_; }
    size_t length() const override { return length_; }
    void Dispose() override {}
    const uint16_t *data_ = nullptr;
    size_t length_ = 0;
  };

  OneByte one_byte_[FE_SOURCE_SLOTS];
  TwoByte two_byte_[FE_SOURCE_SLOTS];
  uint32_t kind_[FE_SOURCE_SLOTS] = {};
  std::vector<uint8_t> owned_[FE_SOURCE_SLOTS];
  std::vector<intptr_t> references_;
};

}  // namespace fe
