// heap_pages.h — where V8's heap pages come from (see heap_pages.cc for why).
#pragma once

#include <libplatform/libplatform.h>
#include <v8-platform.h>

#include <memory>

namespace fe {

// V8's default platform with one change: its heap pages come from HeapPageAllocator.
std::unique_ptr<v8::Platform> NewPlatform(int worker_threads);

}  // namespace fe
