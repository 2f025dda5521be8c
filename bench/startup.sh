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
(cd "$work/project" && "$FE" hello >/dev/null)   # builds the config runtime's cache

mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/startup.md"
cd "$work/project"
hyperfine -N --warmup 10 --runs 60 --export-markdown "$out.table" \
  -n "fe hello (project, fe.config.js)" "$FE hello" \
  -n "node 20 hello.js" "node $work/hello.js" \
  -n "node 24 hello.js" "$NODE24 $work/hello.js" \
  -n "node 24 hello.js + NODE_COMPILE_CACHE" "env NODE_COMPILE_CACHE=$work/cc $NODE24 $work/hello.js" | tee "$work/log"
{
  echo "# Startup: hello tool"
  echo
  echo "Method: \`bench/startup.sh\` — hyperfine -N, 10 warm-ups, 60 runs each, same machine, same run."
  echo "fe runs a fe-native hello tool pinned by fe.config.js (config evaluated in its sandbox, blob"
  echo "verified by sha256, isolate booted from the snapshot); node runs the same one-line script."
  echo "Machine: $(nproc) cores, $(uname -r), $(date -u +%F)."
  echo
  cat "$out.table"
} > "$out"
rm -f "$out.table"
echo "wrote $out"
