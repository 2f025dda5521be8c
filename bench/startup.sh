#!/usr/bin/env bash
# Startup: a hello tool launched as `fe <args>` in a project (config evaluation included)
# against `node hello.js`, on the same machine in the same hyperfine run. Writes
# bench/results/startup.md. Usage: bench/startup.sh  (after `make build`)
source "$(dirname "$0")/lib.sh"
need hyperfine
NODE24=$(node24)
work=$(mktemp -d /tmp/fe-bench-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The same program for every runner: print one line.
cat > "$work/hello.js" <<'JS'
console.log("hello");
JS
cat > "$work/fe-hello.js" <<'JS'
fe.main(async () => { console.log("hello"); return 0; });
JS
mkdir -p "$work/project" "$work/cc"
printf 'export default { fe: "9.0.0" };\n' > "$work/project/fe.config.js"
export FE_HOME="$work/home"
"$FE" blobs build "$work/fe-hello.js" --name fe --version 9.0.0 --quiet
(cd "$work/project" && "$FE" hello >/dev/null)   # builds the config runtime's snapshot and the config cache

mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/startup.md"
cd "$work/project"
hyperfine -N --warmup 10 --runs 60 --export-markdown "$out.table" \
  -n "fe hello (project, fe.config.js)" "$FE hello" \
  -n "fe hello (config evaluated: FE_NO_CONFIG_CACHE=1)" "env FE_NO_CONFIG_CACHE=1 $FE hello" \
  -n "node 20 hello.js" "node $work/hello.js" \
  -n "node 24 hello.js" "$NODE24 $work/hello.js" \
  -n "node 24 hello.js + NODE_COMPILE_CACHE" "env NODE_COMPILE_CACHE=$work/cc $NODE24 $work/hello.js" | tee "$work/log"
{
  echo "# Startup: hello tool"
  echo
  echo "Method: \`bench/startup.sh\` — hyperfine -N, 10 warm-ups, 60 runs each, same machine, same run."
  echo "fe runs a fe-native hello tool pinned by fe.config.js (the config's result from the config"
  echo "cache, checked against the config file, what it read and the env vars it read; the blob checked"
  echo "by its XXH3 checksum; the isolate booted from the snapshot); node runs the same one-line script."
  echo "The second row evaluates the config in its sandbox at every launch (a cold config cache)."
  echo "Machine: $(nproc) cores, $(uname -r), $(date -u +%F)."
  echo
  cat "$out.table"
} > "$out"
rm -f "$out.table"
python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
mean = {m.group(1): float(m.group(2)) for m in re.finditer(r"^\| `([^`]+)` \| ([0-9.]+)", text, re.M)}
node20 = mean["node 20 hello.js"]
lines = [f"- `{k}`: {v:.1f} ms = **{v / node20:.2f}×** node 20" for k, v in mean.items() if k.startswith("fe ")]
open(sys.argv[1], "a").write("\n" + "\n".join(lines) + "\n")
PY
echo "wrote $out"
