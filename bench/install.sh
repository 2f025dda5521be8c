#!/usr/bin/env bash
# Installs, two parts, both written to bench/results/install.md:
# 1. fe's registry format: a ~10 MB tool published with `fe blobs publish --with-snapshot` and
#    served by nginx on 127.0.0.1, installed with `fe blobs install big@1.0.0` into an empty
#    FE_HOME, against the baseline of moving the same bytes by hand: `curl -o` of index.json and
#    both files, `zstd -d` of both, `sha256sum` of all four. Runs alternating.
# 2. An npm registry (bench/install-npm.sh): a tool with a real dependency tree from the loopback
#    test registry, fe vs `npm install --global` (npm 11 on Node 24), with hyperfine.
# Usage: bench/install.sh  (after `make build`; FE=… to use another fe)
source "$(dirname "$0")/lib.sh"
need nginx
need zstd
need curl
work=$(mktemp -d /tmp/fe-bench-install.XXXXXX)
nginx_pid=""
trap '[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; rm -rf "$work"' EXIT

# The tool: ~10 MB of small functions and tables (bench/gen-big-tool.py), fe-native.
python3 "$ROOT/bench/gen-big-tool.py" "$work/big.js" 10000000
FE_HOME="$work/publisher" "$FE" blobs publish "$work/big.js" --name big --version 1.0.0 --to "$work/registry" --with-snapshot --quiet

source_zst="1.0.0/source.js.zst"
blob_zst="1.0.0/$(cd "$work/registry/big/1.0.0" && ls | grep '\.blob\.zst$')"

# nginx in the foreground on a free port, with a private prefix.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  default_type application/octet-stream;
  sendfile on;
  server { listen 127.0.0.1:$port; root $work/registry; }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/big/index.json" && break; sleep 0.05; done
url="http://127.0.0.1:$port"

# The baseline: the same requests, decompression and hashing, by the standard tools.
cat > "$work/baseline.sh" <<SH
#!/bin/sh
set -e
d="$work/baseline"
mkdir -p "\$d"
curl -sf -o "\$d/index.json" "$url/big/index.json"
curl -sf -o "\$d/source.js.zst" "$url/big/$source_zst"
curl -sf -o "\$d/blob.zst" "$url/big/$blob_zst"
zstd -d -q -f "\$d/source.js.zst" -o "\$d/source.js"
zstd -d -q -f "\$d/blob.zst" -o "\$d/snapshot.bin"
sha256sum "\$d/source.js.zst" "\$d/blob.zst" "\$d/source.js" "\$d/snapshot.bin" > /dev/null
SH
chmod +x "$work/baseline.sh"

export FE_HOME="$work/home"
mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/install.md"
sizes=$(cd "$work/registry/big" && for f in $source_zst $blob_zst; do printf '%s %s B; ' "$f" "$(stat -c %s "$f")"; done)
# Alternating runs (fe, baseline, baseline, fe, …) after warm-ups, so a busy machine slows both
# alike; wall time and CPU time (user + sys, from wait4) per run; medians compared.
python3 - "$FE" "$url" "$work" "$out" "$(nproc)" "$sizes" <<'PY'
import datetime, os, shutil, statistics, subprocess, sys, time
fe, url, work, out, cores, sizes = sys.argv[1:7]
runs, warmups = 40, 3
fe_cmd = [fe, "blobs", "install", "big@1.0.0", "--registry", url, "--quiet"]
base_cmd = [work + "/baseline.sh"]
env = dict(os.environ, FE_HOME=work + "/home")

def once(cmd, scratch):
    shutil.rmtree(scratch, ignore_errors=True)
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{cmd[0]} failed with status {status}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000

samples = {"fe": [], "base": []}
for i in range(warmups + runs):
    order = [("fe", fe_cmd, work + "/home"), ("base", base_cmd, work + "/baseline")]
    if i % 2:
        order.reverse()
    for name, cmd, scratch in order:
        result = once(cmd, scratch)
        if i >= warmups:
            samples[name].append(result)

def stats(name):
    wall = [w for w, _ in samples[name]]
    cpu = [c for _, c in samples[name]]
    return statistics.median(wall), statistics.mean(wall), statistics.stdev(wall), statistics.median(cpu)

fw, fm, fs, fc = stats("fe")
bw, bm, bs, bc = stats("base")
unpacked = os.path.getsize(work + "/home/blobs/big/1.0.0/snapshot.bin")
text = "\n".join([
    "# Install: a ~10 MB tool from nginx on loopback",
    "",
    "Method: `bench/install.sh` generates a 10 MB fe-native tool (`bench/gen-big-tool.py`), publishes it",
    "with `fe blobs publish --with-snapshot` (so the registry holds a snapshot for this engine) and",
    "serves the tree with nginx on 127.0.0.1. Then, alternating, 3 warm-ups and 40 runs each:",
    "`fe blobs install big@1.0.0` into an emptied FE_HOME (index, both files, size and sha256 checks,",
    "zstd, manifest, fsync, atomic rename, snapshot header and payload check), and a shell script",
    "moving the same bytes by hand: `curl -o` of index.json and both files, `zstd -d` of both,",
    "`sha256sum` of all four (no fsync, no checks). Both output directories are removed before each",
    "run. Wall time per run; CPU is user + sys of the process tree (wait4).",
    f"Files: {sizes}unpacked: source.js 10.0 MB, snapshot.bin {unpacked / 1e6:.1f} MB.",
    f"Machine: {cores} cores, {datetime.date.today()}.",
    "",
    "| command | median [ms] | mean ± σ [ms] | median CPU [ms] |",
    "| --- | --- | --- | --- |",
    f"| `fe blobs install big@1.0.0` | {fw:.1f} | {fm:.1f} ± {fs:.1f} | {fc:.1f} |",
    f"| `curl -o` + `zstd -d` + `sha256sum` | {bw:.1f} | {bm:.1f} ± {bs:.1f} | {bc:.1f} |",
    "",
    f"**fe / baseline: {fw / bw:.2f}× wall time** (medians; target ≤ 1.3×), {fc / bc:.2f}× CPU time.",
    "",
])
open(out, "w").write(text)
print(text)
PY
"$ROOT/bench/install-npm.sh" >> "$out"
echo "wrote $out"
