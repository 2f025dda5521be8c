#!/usr/bin/env bash
# Before/after: two fe builds side by side in one hyperfine run, on what bench/startup.sh and
# bench/tsc.sh measure (fe hello through a project's fe.config.js, with the config cached and
# evaluated afresh; tsc --version and a small tsc -p . through `fe blobs exec`), node 20 beside
# them for scale. Each build gets its own store (their engine ids differ).
# Usage: FE_BEFORE=/path/to/old/fe bench/compare.sh [name]   (after `make build`)
# Writes bench/results/compare-<name>.md.
source "$(dirname "$0")/lib.sh"
need hyperfine
need node
: "${FE_BEFORE:?set FE_BEFORE to the fe binary to compare against}"
NAME=${1:-before-after}
RUNS=${RUNS:-40}
"$ROOT/tools/node-tools.sh" >/dev/null
TSC="$ROOT/.deps/node-tools/root/usr/share/nodejs/typescript/lib/tsc.js"
work=$(mktemp -d /tmp/fe-bench-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT

cat > "$work/fe-hello.js" <<'JS'
fe.main(async () => { console.log("hello"); return 0; });
JS
cat > "$work/hello.js" <<'JS'
console.log("hello");
JS
p="$work/project"
mkdir -p "$p/src"
printf 'export default { fe: "9.0.0", tools: { tsc: "4.8.4" } };\n' > "$p/fe.config.js"
printf '{ "compilerOptions": { "target": "es2019", "module": "commonjs", "strict": true, "outDir": "out", "rootDir": "src", "lib": ["es2020"] }, "include": ["src"] }\n' > "$p/tsconfig.json"
for i in 1 2 3; do
  printf 'export class Box%s<T> { private items: T[] = []; add(x: T): this { this.items.push(x); return this; } }\nexport const n%s: number = %s;\n' "$i" "$i" "$i" > "$p/src/mod$i.ts"
done
for which in before after; do
  bin=$FE; [ "$which" = before ] && bin=$FE_BEFORE
  home="$work/home-$which"
  FE_HOME="$home" "$bin" blobs build "$work/fe-hello.js" --name fe --version 9.0.0 --quiet
  FE_HOME="$home" "$bin" blobs build "$TSC" --name tsc --version 4.8.4 --quiet
  (cd "$p" && FE_HOME="$home" "$bin" hello >/dev/null && FE_HOME="$home" "$bin" blobs exec tsc --version >/dev/null)
done

cd "$p"
B="env FE_HOME=$work/home-before $FE_BEFORE"
A="env FE_HOME=$work/home-after $FE"
hyperfine -N --warmup 5 --runs "$RUNS" --export-markdown "$work/table" --export-json "$work/json" \
  -n "before: fe hello" "$B hello" -n "after: fe hello" "$A hello" \
  -n "before: fe hello, config evaluated" "env FE_NO_CONFIG_CACHE=1 FE_HOME=$work/home-before $FE_BEFORE hello" \
  -n "after: fe hello, config evaluated" "env FE_NO_CONFIG_CACHE=1 FE_HOME=$work/home-after $FE hello" \
  -n "before: tsc --version" "$B blobs exec tsc --version" -n "after: tsc --version" "$A blobs exec tsc --version" \
  -n "before: tsc -p ." "$B blobs exec tsc -p ." -n "after: tsc -p ." "$A blobs exec tsc -p ." \
  -n "node 20 hello.js" "node $work/hello.js" -n "node 20 tsc --version" "node $TSC --version" | tee "$work/log"
out="$ROOT/bench/results/compare-$NAME.md"
{
  echo "# Before and after: $NAME"
  echo
  echo "Method: \`FE_BEFORE=… bench/compare.sh $NAME\` — hyperfine -N, 5 warm-ups, $RUNS runs each, both fe builds"
  echo "(release, \`make build\`) and node 20 in the same run on the same machine, each fe with its own store."
  echo "\"fe hello\" is a fe-native hello tool pinned by fe.config.js (config cache warm); \"config evaluated\""
  echo "sets FE_NO_CONFIG_CACHE=1; tsc is TypeScript 4.8.4's tsc.js as a \"cjs\" blob via \`fe blobs exec\`."
  echo
  cat "$work/table"
  echo
  echo "Medians (less moved by this VM's slow phases than means), after / before:"
  echo
  python3 - "$work/json" <<'PY'
import json, statistics, sys
runs = {r["command"]: statistics.median(r["times"]) * 1000 for r in json.load(open(sys.argv[1]))["results"]}
for name in sorted({c.split(": ", 1)[1] for c in runs if c.startswith("after: ")}):
    a, b = runs["after: " + name], runs["before: " + name]
    print(f"- {name}: {b:.1f} ms before, {a:.1f} ms after ({a / b:.2f}x)")
PY
} > "$out"
echo "wrote $out"
