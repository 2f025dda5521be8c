#!/usr/bin/env bash
# Runs every benchmark in bench/ (make bench).
set -euo pipefail
cd "$(dirname "$0")"
for b in startup.sh ops.sh install.sh tsc.sh shim.sh native-exec.sh; do ./$b; done
