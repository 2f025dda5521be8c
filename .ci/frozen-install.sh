#!/bin/sh
# A project's CI job, as README "CI" describes it: from a fresh or cached FE_HOME, with CI set,
# `fe blobs install` installs exactly what fe.lock pins (frozen: it fails, without changing
# anything, on a missing or stale lock — exit 78 — or a hash that does not match — exit 65),
# then the project's build runs with the locked tool.
#
# usage: .ci/frozen-install.sh <project dir>
# env:   FE       the fe binary (default: fe on PATH)
#        FE_HOME  the store, e.g. a CI cache keyed on fe.lock (required)
#        FE_REGISTRY, FE_REGISTRY_TOKEN  where to download from, if the config names none
set -eu
project=${1:?usage: $0 <project dir>}
fe=${FE:-fe}
: "${FE_HOME:?set FE_HOME to the store directory (cache it keyed on fe.lock)}"
export CI=${CI:-true}
cd "$project"
# stdin closed: nothing fe runs here may wait for input.
"$fe" blobs install </dev/null
"$fe" b </dev/null
