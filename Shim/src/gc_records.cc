// gc_records.cc — what each garbage collection of a runtime's isolate did, for Node's 'gc'
// performance entries and v8.GCProfiler (fe_v8.h explains why). The callbacks only record: the
// runtime hands the records to JavaScript after its loop's turn, as Node's PerformanceGCCallback
// does from an immediate. Kept apart from fe_v8.cc: it needs nothing of a runtime but its isolate.
#include "rt_internal.h"

#include <time.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace {

// A program that never takes its records keeps the latest ones only.
constexpr size_t kMaxRecords = 4096;

struct Tracker {
  fe_rt *rt;
  fe_gc_record current;
  std::deque<fe_gc_record> records;
};

// Runtimes live on several threads (workers); the table is shared, each tracker is not.
std::mutex g_lock;
std::unordered_map<fe_rt *, Tracker *> g_trackers;

double NowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

void Measure(fe_rt *rt, double stats[FE_HEAP_STAT_COUNT], double spaces[FE_GC_SPACE_MAX][4]) {
  fe_rt_heap_statistics(rt, stats);
  v8::Isolate *isolate = fe::IsolateOf(rt);
  size_t n = std::min<size_t>(isolate->NumberOfHeapSpaces(), FE_GC_SPACE_MAX);
  for (size_t i = 0; i < n; i++) {
    v8::HeapSpaceStatistics s;
    isolate->GetHeapSpaceStatistics(&s, i);
    spaces[i][0] = static_cast<double>(s.space_size());
    spaces[i][1] = static_cast<double>(s.space_used_size());
    spaces[i][2] = static_cast<double>(s.space_available_size());
    spaces[i][3] = static_cast<double>(s.physical_space_size());
  }
}

void Prologue(v8::Isolate *, v8::GCType type, v8::GCCallbackFlags flags, void *data) {
  auto *t = static_cast<Tracker *>(data);
  t->current = fe_gc_record{};
  t->current.kind = static_cast<int>(type);
  t->current.flags = static_cast<int>(flags);
  t->current.start_ns = NowNs();
  Measure(t->rt, t->current.before, t->current.spaces_before);
}

void Epilogue(v8::Isolate *, v8::GCType, v8::GCCallbackFlags flags, void *data) {
  auto *t = static_cast<Tracker *>(data);
  t->current.flags |= static_cast<int>(flags);
  Measure(t->rt, t->current.after, t->current.spaces_after);
  t->current.end_ns = NowNs();
  if (t->records.size() == kMaxRecords) t->records.pop_front();
  t->records.push_back(t->current);
}

}  // namespace

void fe_rt_track_gc(fe_rt *rt, bool on) {
  std::lock_guard<std::mutex> lock(g_lock);
  auto found = g_trackers.find(rt);
  v8::Isolate *isolate = fe::IsolateOf(rt);
  if (on && found == g_trackers.end()) {
    auto *t = new Tracker{rt, fe_gc_record{}, {}};
    g_trackers.emplace(rt, t);
    isolate->AddGCPrologueCallback(Prologue, t);
    isolate->AddGCEpilogueCallback(Epilogue, t);
  } else if (!on && found != g_trackers.end()) {
    isolate->RemoveGCPrologueCallback(Prologue, found->second);
    isolate->RemoveGCEpilogueCallback(Epilogue, found->second);
    delete found->second;
    g_trackers.erase(found);
  }
}

size_t fe_rt_take_gc_records(fe_rt *rt, fe_gc_record *out, size_t max) {
  Tracker *t;
  {
    std::lock_guard<std::mutex> lock(g_lock);
    auto found = g_trackers.find(rt);
    if (found == g_trackers.end()) return 0;
    t = found->second;
  }
  size_t n = std::min(max, t->records.size());
  std::copy_n(t->records.begin(), n, out);
  t->records.erase(t->records.begin(), t->records.begin() + static_cast<std::ptrdiff_t>(n));
  return n;
}
