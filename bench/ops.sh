#!/usr/bin/env bash
# Op round trips: 100k fs.statSync, 10k awaited fs.promises.readFile of a small file, 10k
# setTimeout(0) — the same bench/ops.js under fe (`fe blobs run`) and node 20, timed inside
# the program (startup excluded), median of 5 runs each, alternating. Writes bench/results/ops.md.
source "$(dirname "$0")/lib.sh"
export FE_HOME=$(mktemp -d /tmp/fe-bench-ops.XXXXXX)
trap 'rm -rf "$FE_HOME"' EXIT
runs=5
for i in $(seq $runs); do
  "$FE" blobs run "$ROOT/bench/ops.js" >> "$FE_HOME/fe.jsonl"
  node "$ROOT/bench/ops.js" >> "$FE_HOME/node.jsonl"
done
mkdir -p "$ROOT/bench/results"
python3 - "$FE_HOME/fe.jsonl" "$FE_HOME/node.jsonl" "$ROOT/bench/results/ops.md" "$(nproc)" <<'PY'
import json, statistics, sys, datetime
fe = [json.loads(l) for l in open(sys.argv[1])]
node = [json.loads(l) for l in open(sys.argv[2])]
rows = []
for key in fe[0]:
    f = statistics.median(r[key] for r in fe)
    n = statistics.median(r[key] for r in node)
    rows.append(f"| {key} | {f:.1f} | {n:.1f} | {f / n:.2f}× |")
text = "\n".join([
    "# Op round trips",
    "",
    "Method: `bench/ops.sh` runs `bench/ops.js` under `fe blobs run` and under the machine's node 20,",
    "alternating, 5 runs each; times are measured inside the program with process.hrtime (startup",
    f"excluded); the table shows medians. Machine: {sys.argv[4]} cores, {datetime.date.today()}.",
    "",
    "| benchmark | fe [ms] | node 20 [ms] | fe / node |",
    "|:---|---:|---:|---:|",
    *rows,
])
open(sys.argv[3], "w").write(text + "\n")
print(text)
PY
