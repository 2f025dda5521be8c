#!/usr/bin/env bash
# A tool whose bin only runs a native executable (esbuild 0.17.0 and @esbuild/linux-x64 from the
# npm test registry, Debian's packages served by nginx on 127.0.0.1), launched four ways in the
# same hyperfine run: by fe exec'ing the executable it recorded at install (the default), through
# esbuild's JS launcher under fe's runtime (FE_NO_NATIVE_EXEC=1), through the same launcher file
# under node 20, and the executable started directly (the floor). Two jobs: `--version` and a
# small bundle. Writes bench/results/native-exec.md. Usage: bench/native-exec.sh (after `make build`)
source "$(dirname "$0")/lib.sh"
need hyperfine
need nginx
need node
runs=${RUNS:-60}
work=$(mktemp -d /tmp/fe-bench-native.XXXXXX)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

start_npm_registry "$work"

# A project pinning esbuild, installed into an empty store; a small bundle job of 12 modules.
project="$work/project"
mkdir -p "$project/src"
printf 'registry=%s/\n' "$url" > "$project/.npmrc"
printf 'export default { tools: { esbuild: "npm:esbuild@0.17.0" } };\n' > "$project/fe.config.js"
for i in $(seq 1 10); do
  printf 'import { helper } from "./helper.js";\nexport function part%s(x) { return helper(x) * %s + [1, 2, 3].map((n) => n + %s).length; }\n' "$i" "$i" "$i" > "$project/src/part$i.js"
done
printf 'export const helper = (x) => typeof x === "number" ? x : JSON.stringify(x).length;\n' > "$project/src/helper.js"
{
  for i in $(seq 1 10); do printf 'import { part%s } from "./part%s.js";\n' "$i" "$i"; done
  printf 'console.log([%s].map((f) => f(2)));\n' "$(seq -s, -f 'part%g' 1 10)"
} > "$project/src/main.js"
export FE_HOME="$work/home"
cd "$project"
env PATH=/usr/bin:/bin "$FE" blobs install --quiet
"$FE" blobs snapshot --quiet
image="$FE_HOME/blobs/esbuild/0.17.0/image/node_modules/esbuild"
launcher="$image/bin/esbuild"
exe=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["native"]["path"])' "$FE_HOME/blobs/esbuild/0.17.0/manifest.json")
exe="$FE_HOME/blobs/esbuild/0.17.0/image/$exe"
node=$(command -v node)

# Every way prints the same thing, and the config cache is warm before timing.
bundle="src/main.js --bundle --minify"
for job in "--version" "$bundle"; do
  want=$("$exe" $job)
  for cmd in "env FE_NO_NATIVE_EXEC=0 $FE blobs exec esbuild --" "env FE_NO_NATIVE_EXEC=1 $FE blobs exec esbuild --" \
    "env FE_NO_NATIVE_EXEC=0 $node $launcher"; do
    [ "$($cmd $job)" = "$want" ] || { echo "bench: $cmd $job differs from the executable's output" >&2; exit 1; }
  done
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for job in version bundle; do
  args="--version"
  [ $job = bundle ] && args="$bundle"
  # `env` before each (fe's switch is an environment variable), so every command pays the same exec.
  hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/$job.json" \
    -n "fe (exec's the executable)" "env FE_NO_NATIVE_EXEC=0 $FE blobs exec esbuild -- $args" \
    -n "fe (JS launcher on fe's runtime)" "env FE_NO_NATIVE_EXEC=1 $FE blobs exec esbuild -- $args" \
    -n "node 20 (JS launcher)" "env FE_NO_NATIVE_EXEC=0 $node $launcher $args" \
    -n "the executable alone" "env FE_NO_NATIVE_EXEC=0 $exe $args" >&2
done

mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/native-exec.md"
python3 - "$work" "$out" "$runs" "$(nproc)" "$(uname -r)" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$("$node" --version)" "$("$FE" blobs --version | head -1), commit $(git -C "$ROOT" rev-parse --short HEAD)" "$FE" <<'PY'
import datetime, json, statistics, sys
work, out, runs, cores, kernel, load0, load1, node_v, fe_v, fe_path = sys.argv[1:11]
build = "the release fe (`make build`)" if "/release/" in fe_path else f"**the debug fe** ({fe_path}; its Swift code runs unoptimized, so fe's part is slower than a release build's)"
names = ["fe (exec's the executable)", "fe (JS launcher on fe's runtime)", "node 20 (JS launcher)", "the executable alone"]
lines = [
    "# Native executables: exec'd by fe vs run through their JS launcher",
    "",
    "Method: `bench/native-exec.sh` installs `npm:esbuild@0.17.0` from the npm test registry",
    "(`tools/npm-test-registry`: Debian's esbuild 0.17.0 packed as npm packs it, `@esbuild/linux-x64`",
    "carrying the ELF executable, served by nginx on 127.0.0.1) into an empty store with " + build + ",",
    "then times, in the same hyperfine run (-N, 5 warm-ups, " + runs + " runs each), four ways of running",
    "the same esbuild: `fe blobs exec esbuild` in a project pinning it, where fe execs",
    "`@esbuild/linux-x64/bin/esbuild` as its manifest records (config from the config cache, pin and",
    "manifest read, then execve: no V8); the same with `FE_NO_NATIVE_EXEC=1`, where fe boots the blob's",
    "snapshot and runs esbuild's JS launcher (`bin/esbuild`), which finds the executable with",
    "`require.resolve` and runs it with `execFileSync(..., { stdio: 'inherit' })`; that launcher file from",
    f"the same image under node {node_v}; and the executable started directly, the floor. Each command",
    "starts with `env` (fe's switch is an environment variable), so all pay the same extra exec. Jobs:",
    "`--version`, and `src/main.js --bundle --minify` over a 12-module project (output to stdout,",
    "which hyperfine discards). Outputs were checked equal before timing.",
    f"Machine: {cores} cores shared with other builds, {kernel}, {datetime.date.today()}; load average",
    f"{load0} before, {load1} after; {fe_v}.",
]
for job, title in (("version", "`esbuild --version`"), ("bundle", "bundle 12 modules (`--bundle --minify`)")):
    r = {x["command"]: x for x in json.load(open(f"{work}/{job}.json"))["results"]}
    direct = r[names[0]]
    lines += ["", f"## {title}", "", "| how | mean [ms] | median [ms] | min [ms] | × fe exec (means) | × fe exec (medians) |",
              "|:---|---:|---:|---:|---:|---:|"]
    for n in names:
        x = r[n]
        lines.append(f"| {n} | {x['mean']*1000:.1f} ± {x['stddev']*1000:.1f} | {x['median']*1000:.1f} | {x['min']*1000:.1f} | "
                     f"{x['mean']/direct['mean']:.2f} | {x['median']/direct['median']:.2f} |")
    launcher, node, alone = r[names[1]], r[names[2]], r[names[3]]
    lines += ["", f"fe exec'ing the executable is {launcher['median']/direct['median']:.1f}× faster than the JS launcher on fe's runtime "
              f"(saves {(launcher['median']-direct['median'])*1000:.1f} ms, medians) and {node['median']/direct['median']:.1f}× faster than "
              f"the launcher under node 20 (saves {(node['median']-direct['median'])*1000:.1f} ms); fe's own part before the exec costs "
              f"{(direct['median']-alone['median'])*1000:.1f} ms over starting the executable directly."]
if "/release/" not in fe_path:
    lines += ["", "These figures are from the debug fe: its start-up before the exec (the dynamic loader on a",
              "73 MB unoptimized binary with libnode, unoptimized Swift) is most of fe's part; run",
              "`bench/native-exec.sh` after `make build` for the release figures."]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "wrote $out"
