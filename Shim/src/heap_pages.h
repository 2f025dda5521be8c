// heap_pages.h — where V8's heap pages come from (see heap_pages.cc for why).
#pragma once

#include <libplatform/libplatform.h>
#include <v8-platform.h>

#include <memory>

namespace fe {

// V8's default platform with one change: its heap pages come from HeapPageAllocator.
std::unique_ptr<v8::Platform> NewPlatform(int worker_threads);

// The default platform inside one made by NewPlatform: v8::platform::PumpMessageLoop and
// NotifyIsolateShutdown cast their argument to V8's DefaultPlatform, so they need this one.
v8::Platform *InnerPlatform(v8::Platform *platform);

}  // namespace fe
