// heap_pages.cc — V8's heap pages from one transparent-huge-page arena.
//
// Booting a tool deserializes ~20 MB of heap. With 4 KiB pages that is ~5,000 page faults,
// ~2 µs each on a VM (a third of a warm `tsc --version`). V8 reserves each 256 KiB heap page
// PROT_NONE at a random address and commits it later, so the kernel can never back them with
// 2 MiB pages. Here they are carved, adjacent, from an arena that is readable and writable from
// the start and advised MADV_HUGEPAGE: a fault maps 2 MiB at once (~50 µs). V8's own mprotect
// calls on these pages become no-ops (a hardening V8 only has where it reserves, not something
// it relies on); "no access" still discards the contents, so recommitted pages read as zeros as
// V8 requires. Executable memory, very large reservations and anything past the arena go to
// plain mmap with V8's semantics. FE_HUGE_PAGES=0 turns the arena off.
#include "heap_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace fe {
namespace {

constexpr size_t kHuge = size_t{2} << 20;
constexpr size_t kArenaSize = size_t{1} << 30;       // address space only; NORESERVE
constexpr size_t kHugeAdvised = size_t{128} << 20;   // the start-up working set, and then some
constexpr size_t kLargestCarved = size_t{16} << 20;  // V8's pages are 256 KiB; big objects fit too

size_t RoundUp(size_t x, size_t to) { return (x + to - 1) & ~(to - 1); }

int Protection(v8::PageAllocator::Permission p) {
  switch (p) {
    case v8::PageAllocator::kNoAccess:
    case v8::PageAllocator::kNoAccessWillJitLater: return PROT_NONE;
    case v8::PageAllocator::kRead: return PROT_READ;
    case v8::PageAllocator::kReadWrite: return PROT_READ | PROT_WRITE;
    case v8::PageAllocator::kReadWriteExecute: return PROT_READ | PROT_WRITE | PROT_EXEC;
    case v8::PageAllocator::kReadExecute: return PROT_READ | PROT_EXEC;
  }
  return PROT_NONE;
}

bool Executable(v8::PageAllocator::Permission p) {
  return p == v8::PageAllocator::kNoAccessWillJitLater || p == v8::PageAllocator::kReadWriteExecute ||
         p == v8::PageAllocator::kReadExecute;
}

class HeapPageAllocator final : public v8::PageAllocator {
 public:
  HeapPageAllocator() : page_(static_cast<size_t>(sysconf(_SC_PAGESIZE))) {
    const char *env = getenv("FE_HUGE_PAGES");
    if (env != nullptr && strcmp(env, "0") == 0) return;
    void *p = mmap(nullptr, kArenaSize + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return;  // no arena: every request takes the mmap path
    auto raw = reinterpret_cast<uintptr_t>(p);
    uintptr_t start = RoundUp(raw, kHuge);
    if (start > raw) munmap(p, start - raw);
    munmap(reinterpret_cast<void *>(start + kArenaSize), raw + kArenaSize + kHuge - start - kArenaSize);
    begin_ = next_ = start;
    end_ = start + kArenaSize;
    madvise(reinterpret_cast<void *>(begin_), kHugeAdvised, MADV_HUGEPAGE);
  }

  size_t AllocatePageSize() override { return page_; }
  size_t CommitPageSize() override { return page_; }

  void SetRandomMmapSeed(int64_t seed) override {
    std::lock_guard<std::mutex> lock(mutex_);
    random_ = static_cast<uint64_t>(seed);
  }

  // As V8's own allocator: a random page-aligned hint in the user half of a 47-bit space.
  void *GetRandomMmapAddr() override {
    std::lock_guard<std::mutex> lock(mutex_);
    random_ += 0x9E3779B97F4A7C15ull;  // splitmix64
    uint64_t z = random_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return reinterpret_cast<void *>(z & 0x3FFFFFFFF000ull);
  }

  void *AllocatePages(void *hint, size_t length, size_t alignment, Permission access) override {
    if (!Executable(access) && length <= kLargestCarved && alignment <= kHuge) {
      if (void *p = Carve(length, alignment)) return p;
    }
    return Map(hint, length, alignment, access);
  }

  bool FreePages(void *address, size_t length) override {
    if (!InArena(address)) return munmap(address, length) == 0;
    Discard(address, length);
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back({reinterpret_cast<uintptr_t>(address), length});
    return true;
  }

  bool ReleasePages(void *address, size_t length, size_t new_length) override {
    char *tail = static_cast<char *>(address) + new_length;
    return FreePages(tail, length - new_length);
  }

  bool SetPermissions(void *address, size_t length, Permission access) override {
    if (!InArena(address) || Executable(access)) {
      if (mprotect(address, length, Protection(access)) != 0) return false;
      if (access == kNoAccess) DiscardSystemPages(address, length);
      return true;
    }
    if (access == kNoAccess) Discard(address, length);
    return true;
  }

  bool DiscardSystemPages(void *address, size_t size) override {
    // As V8: advisory, lazily reclaimed. In the arena, where the pages stay accessible, the
    // contents must read as zeros afterwards, so drop them at once.
    if (InArena(address)) return Discard(address, size);
    madvise(address, size, MADV_FREE);
    return true;
  }

  bool DecommitPages(void *address, size_t size) override {
    if (InArena(address)) return Discard(address, size);
    void *p = mmap(address, size, PROT_NONE, MAP_FIXED | MAP_ANONYMOUS | MAP_PRIVATE | MAP_NORESERVE, -1, 0);
    return p == address;
  }

 private:
  struct Range {
    uintptr_t start;
    size_t size;
  };

  bool InArena(const void *address) const {
    auto a = reinterpret_cast<uintptr_t>(address);
    return a >= begin_ && a < end_;
  }

  static bool Discard(void *address, size_t size) { return madvise(address, size, MADV_DONTNEED) == 0; }

  // First fit from freed ranges, else the bump pointer. Freed ranges were discarded: zero pages.
  void *Carve(size_t length, size_t alignment) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (begin_ == 0) return nullptr;
    for (size_t i = 0; i < free_.size(); i++) {
      Range r = free_[i];
      uintptr_t start = RoundUp(r.start, alignment);
      if (start + length > r.start + r.size) continue;
      free_.erase(free_.begin() + static_cast<long>(i));
      if (start > r.start) free_.push_back({r.start, start - r.start});
      if (start + length < r.start + r.size) free_.push_back({start + length, r.start + r.size - start - length});
      return reinterpret_cast<void *>(start);
    }
    uintptr_t start = RoundUp(next_, alignment);
    if (start + length > end_) return nullptr;
    if (start > next_) free_.push_back({next_, start - next_});
    next_ = start + length;
    return reinterpret_cast<void *>(start);
  }

  // V8's own path: over-map by the alignment, trim both ends.
  void *Map(void *hint, size_t length, size_t alignment, Permission access) {
    size_t request = length + (alignment > page_ ? alignment - page_ : 0);
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | (access == kNoAccess || access == kNoAccessWillJitLater ? MAP_NORESERVE : 0);
    void *p = mmap(hint, request, Protection(access), flags, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    auto raw = reinterpret_cast<uintptr_t>(p);
    uintptr_t start = RoundUp(raw, alignment);
    if (start > raw) munmap(p, start - raw);
    uintptr_t end = start + length, raw_end = raw + request;
    if (raw_end > end) munmap(reinterpret_cast<void *>(end), raw_end - end);
    return reinterpret_cast<void *>(start);
  }

  const size_t page_;
  uintptr_t begin_ = 0, next_ = 0, end_ = 0;
  uint64_t random_ = 0;
  std::vector<Range> free_;
  std::mutex mutex_;
};

// Everything but the page allocator is the default platform's.
class Platform final : public v8::Platform {
 public:
  explicit Platform(std::unique_ptr<v8::Platform> inner) : inner_(std::move(inner)) {}

  v8::PageAllocator *GetPageAllocator() override { return &pages_; }
  int NumberOfWorkerThreads() override { return inner_->NumberOfWorkerThreads(); }
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(v8::Isolate *isolate) override {
    return inner_->GetForegroundTaskRunner(isolate);
  }
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override { inner_->CallOnWorkerThread(std::move(task)); }
  void CallBlockingTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallBlockingTaskOnWorkerThread(std::move(task));
  }
  void CallLowPriorityTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallLowPriorityTaskOnWorkerThread(std::move(task));
  }
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay_in_seconds) override {
    inner_->CallDelayedOnWorkerThread(std::move(task), delay_in_seconds);
  }
  bool IdleTasksEnabled(v8::Isolate *isolate) override { return inner_->IdleTasksEnabled(isolate); }
  std::unique_ptr<v8::JobHandle> PostJob(v8::TaskPriority priority, std::unique_ptr<v8::JobTask> job_task) override {
    return inner_->PostJob(priority, std::move(job_task));
  }
  double MonotonicallyIncreasingTime() override { return inner_->MonotonicallyIncreasingTime(); }
  double CurrentClockTimeMillis() override { return inner_->CurrentClockTimeMillis(); }
  v8::TracingController *GetTracingController() override { return inner_->GetTracingController(); }
  StackTracePrinter GetStackTracePrinter() override { return inner_->GetStackTracePrinter(); }
  v8::Platform *inner() { return inner_.get(); }

 private:
  std::unique_ptr<v8::Platform> inner_;
  HeapPageAllocator pages_;
};

}  // namespace

std::unique_ptr<v8::Platform> NewPlatform(int worker_threads) {
  return std::make_unique<Platform>(v8::platform::NewDefaultPlatform(worker_threads));
}

v8::Platform *InnerPlatform(v8::Platform *platform) { return static_cast<Platform *>(platform)->inner(); }

}  // namespace fe
