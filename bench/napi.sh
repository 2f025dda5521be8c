#!/usr/bin/env bash
# Calls into a Node-API addon from JavaScript: 5M calls of a trivial function (two numbers in,
# one out) and 5M calls passing a Buffer (napi_get_buffer_info), in bench/napi/loop.js, under
# fe (`fe blobs run`) and node 20 in the same run, alternating, 5 runs each, timed inside the
# program (startup and a warm-up excluded). Both load the same .node, built from
# bench/napi/addon.c with gcc against libnode-dev's headers. Writes bench/results/napi.md.
source "$(dirname "$0")/lib.sh"
export FE_HOME=$(mktemp -d /tmp/fe-bench-napi.XXXXXX)
trap 'rm -rf "$FE_HOME"' EXIT
addon="$FE_HOME/bench_napi.node"
gcc -shared -fPIC -O2 -I"$ROOT/.deps/libnode/include" -o "$addon" "$ROOT/bench/napi/addon.c"
runs=5
for i in $(seq $runs); do
  "$FE" blobs run "$ROOT/bench/napi/loop.js" "$addon" >> "$FE_HOME/fe.jsonl"
  node "$ROOT/bench/napi/loop.js" "$addon" >> "$FE_HOME/node.jsonl"
done
mkdir -p "$ROOT/bench/results"
python3 - "$FE_HOME/fe.jsonl" "$FE_HOME/node.jsonl" "$ROOT/bench/results/napi.md" "$(nproc)" "$(node --version)" <<'PY'
import json, statistics, sys, datetime
fe = [json.loads(l) for l in open(sys.argv[1])]
node = [json.loads(l) for l in open(sys.argv[2])]
rows = []
for key in fe[0]:
    f = statistics.median(r[key] for r in fe)
    n = statistics.median(r[key] for r in node)
    rows.append(f"| {key} | {f:.1f} | {n:.1f} | {f / n:.2f}× |")
text = "\n".join([
    "# Calls into Node-API addons",
    "",
    "Method: `bench/napi.sh` builds `bench/napi/addon.c` once (gcc -O2, libnode-dev's headers) and runs",
    "`bench/napi/loop.js` with that `.node` under `fe blobs run` (release build) and under the machine's",
    f"node {sys.argv[5]}, alternating, 5 runs each: 5M calls of `add(i, 1)` (numbers in and out) and 5M",
    "calls of `firstByte(buffer)` (a 64-byte Buffer in, napi_get_buffer_info), each after a 500k-call",
    "warm-up, timed inside the program with process.hrtime (startup excluded); the table shows medians.",
    f"Machine: {sys.argv[4]} cores, {datetime.date.today()}.",
    "",
    "| benchmark | fe [ms] | node [ms] | fe / node |",
    "|:---|---:|---:|---:|",
    *rows,
])
open(sys.argv[3], "w").write(text + "\n")
print(text)
PY
