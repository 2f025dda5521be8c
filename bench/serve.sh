#!/usr/bin/env bash
# Static file serving: `fe d` (the bundled fe 2.x dev server, with its request log and live
# reload on) against a minimal node http.createServer static server, both serving the same file
# on loopback, measured by wrk in the same run, alternating. Writes bench/results/serve.md.
# Usage: bench/serve.sh  (after `make build`); ROUNDS, DURATION, CONNECTIONS override.
source "$(dirname "$0")/lib.sh"
need wrk
need node
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-50}"
work=$(mktemp -d /tmp/fe-bench-serve.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The project: one 4 KB script under public/, pinned to the bundled fe 2.x.
mkdir -p "$work/project/public"
python3 - "$work/project/public/app.js" <<'PY'
import sys
lines = [f"export function f{i}(x) {{ return x * {i} + {i % 7}; }} // line {i}" for i in range(80)]
open(sys.argv[1], "w").write("\n".join(lines)[:4096])
PY
printf 'export default { fe: "^2", dev: { root: "public" } };\n' > "$work/project/fe.config.js"
export FE_HOME="$work/home"
"$FE" blobs install "$ROOT/blobs/fe/2" --quiet

# The peer: what a minimal Node static server looks like — read the file per request and send it.
cat > "$work/node-static.js" <<'JS'
const http = require('http'), fs = require('fs'), path = require('path');
const [root, port] = process.argv.slice(2);
http.createServer((req, res) => {
  fs.readFile(path.join(root, path.normalize(decodeURIComponent(req.url.split('?')[0]))), (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end(data);
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
JS

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 200); do curl -fs -o /dev/null "http://127.0.0.1:$1/app.js" && return 0; sleep 0.05; done
  echo "bench: nothing answers on port $1" >&2; exit 1
}
FE_PORT=$(free_port); NODE_PORT=$(free_port)
(cd "$work/project" && exec "$FE" d --port "$FE_PORT" --host 127.0.0.1 >"$work/fe.log" 2>&1) & pids+=($!)
node "$work/node-static.js" "$work/project/public" "$NODE_PORT" >"$work/node.log" 2>&1 & pids+=($!)
wait_port "$FE_PORT"; wait_port "$NODE_PORT"
cmp <(curl -fs "http://127.0.0.1:$FE_PORT/app.js") "$work/project/public/app.js"
cmp <(curl -fs "http://127.0.0.1:$NODE_PORT/app.js") "$work/project/public/app.js"

# One wrk run: prints "rps p99_ms errors".
measure() {
  local out
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$1/app.js")
  echo "$out" >>"$work/wrk.log"
  python3 - "$out" <<'PY'
import re, sys
t = sys.argv[1]
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", t)
errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", t))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
errors += int(non2xx.group(1)) if non2xx else 0
print(f"{rps:.0f} {ms(m.group(1), m.group(2)):.2f} {errors}")
PY
}

wrk -t1 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$FE_PORT/app.js" >/dev/null    # warm-up
wrk -t1 -c"$CONNECTIONS" -d2s "http://127.0.0.1:$NODE_PORT/app.js" >/dev/null
rows=()
for round in $(seq "$ROUNDS"); do
  read -r nr np ne < <(measure "$NODE_PORT"); rows+=("node $round $nr $np $ne"); echo "round $round node: $nr req/s, p99 $np ms, $ne errors"
  read -r fr fp fe_err < <(measure "$FE_PORT"); rows+=("fe $round $fr $fp $fe_err"); echo "round $round fe:   $fr req/s, p99 $fp ms, $fe_err errors"
done
kill -INT "${pids[0]}"; wait "${pids[0]}" || true
logged=$(grep -c '^GET /app.js 200 ' "$work/fe.log" || true)

mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/serve.md"
python3 - "$out" "$ROUNDS" "$DURATION" "$CONNECTIONS" "$(node --version)" "$(nproc)" "$(uname -r)" "$logged" "${rows[@]}" <<'PY'
import statistics, sys, datetime
out, rounds, duration, conns, node_version, cores, kernel, logged, *rows = sys.argv[1:]
data = {"fe": [], "node": []}
for r in rows:
    who, rnd, rps, p99, err = r.split()
    data[who].append((int(rnd), float(rps), float(p99), int(err)))
med = {k: (statistics.median(x[1] for x in v), statistics.median(x[2] for x in v), sum(x[3] for x in v)) for k, v in data.items()}
ok = med["fe"][0] >= med["node"][0] and med["fe"][1] <= med["node"][1] and med["fe"][2] == 0
with open(out, "w") as f:
    f.write("# Static file serving: `fe d` against a minimal node server\n\n")
    f.write(f"Method: `bench/serve.sh` — both servers run at once on 127.0.0.1 and serve the same 4 KB file\n"
            f"(`GET /app.js`, no compression asked). fe runs `fe d` from the bundled fe 2.x blob as a user would:\n"
            f"request log on (stdout to a file), live reload watching the root, ETag and Last-Modified headers.\n"
            f"node {node_version} runs a minimal `http.createServer` static server (`fs.readFile` per request,\n"
            f"`res.end(data)`). Load: `wrk -t1 -c{conns} -d{duration}s --latency`, after a 2 s warm-up of each;\n"
            f"{rounds} rounds, node then fe in each round; the verdict uses the medians. Errors are wrk's socket\n"
            f"errors plus non-2xx responses. Machine: {cores} cores shared with other work, {kernel},\n"
            f"{datetime.date.today()}. fe logged {logged} request lines.\n\n")
    f.write("| server | round | requests/s | p99 latency [ms] | errors |\n|:---|---:|---:|---:|---:|\n")
    for who in ("node", "fe"):
        for rnd, rps, p99, err in data[who]:
            f.write(f"| {who} | {rnd} | {rps:.0f} | {p99:.2f} | {err} |\n")
    f.write("\n| server | median requests/s | median p99 [ms] | errors |\n|:---|---:|---:|---:|\n")
    for who in ("node", "fe"):
        f.write(f"| {who} | {med[who][0]:.0f} | {med[who][1]:.2f} | {med[who][2]} |\n")
    f.write(f"\n**fe / node: {med['fe'][0] / med['node'][0]:.2f}× requests/s, {med['fe'][1] / med['node'][1]:.2f}× p99** — "
            f"{'meets' if ok else 'does NOT meet'} the target (≥ node's requests/s, ≤ node's p99, no errors).\n")
print(open(out).read())
PY
