#!/usr/bin/env python3
"""Checks a registry built by build.py, served by serve.py, the way an npm client sees it:
packument negotiation by Accept, ETag revalidation (304), tarball URLs on the serving address,
real sha512 integrities, ECDSA signatures that verify with the published key (openssl), the
ranges rewritten, the token-only scope, and packing as npm does (package/ prefix, no node_modules).
Usage: test_registry.py <registry dir>   (exit 0 when every check passes)"""
import base64
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ABBREVIATED = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), b""


def main():
    registry = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as state:
        server = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), registry, state, "t0ken"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().strip()
            check(url.startswith("http://127.0.0.1:"), f"serve.py printed {url!r}")
            run_checks(url, registry)
        finally:
            server.terminate()
            server.wait(10)
    print(f"{'FAILED' if failures else 'ok'}: npm test registry ({len(failures)} failures)")
    sys.exit(1 if failures else 0)


def run_checks(url, registry):
    status, headers, body = get(url + "/@fe-test%2ftagged", {"Accept": ABBREVIATED})
    abbrev = json.loads(body)
    check(status == 200 and "time" not in abbrev and abbrev["dist-tags"]["next"] == "2.1.0-beta.1",
          "abbreviated packument of a scoped name")
    etag = headers.get("ETag")
    check(etag is not None, "packument has an ETag")
    status, _, _ = get(url + "/@fe-test%2ftagged", {"Accept": ABBREVIATED, "If-None-Match": etag})
    check(status == 304, f"revalidation with If-None-Match gives 304 (got {status})")
    status, _, body = get(url + "/typescript")
    full = json.loads(body)
    check(status == 200 and "time" in full and "description" in full["versions"][full["dist-tags"]["latest"]],
          "full packument")
    keys = json.loads(get(url + "/-/npm/v1/keys")[2])["keys"]
    check(len(keys) == 1 and keys[0]["keytype"] == "ecdsa-sha2-nistp256", "/-/npm/v1/keys")
    pem = "-----BEGIN PUBLIC KEY-----\n" + keys[0]["key"] + "\n-----END PUBLIC KEY-----\n"

    for name in ("typescript", "terser", "js-yaml", "@jridgewell/trace-mapping"):
        doc = json.loads(get(url + "/" + name.replace("/", "%2f"), {"Accept": ABBREVIATED})[2])
        version = doc["dist-tags"]["latest"]
        dist = doc["versions"][version]["dist"]
        check(dist["tarball"].startswith(url + "/"), f"{name}: tarball on the serving address ({dist['tarball']})")
        status, _, tgz = get(dist["tarball"])
        check(status == 200, f"{name}: tarball served")
        sri = "sha512-" + base64.b64encode(hashlib.sha512(tgz).digest()).decode()
        check(sri == dist["integrity"], f"{name}: integrity is the tarball's sha512")
        sig = dist["signatures"][0]
        check(sig["keyid"] == keys[0]["keyid"], f"{name}: signed by the published key")
        check(verify(pem, f"{name}@{version}:{sri}", base64.b64decode(sig["sig"])), f"{name}: signature verifies")
        with tarfile.open(fileobj=io.BytesIO(gzip.decompress(tgz))) as tar:
            names = tar.getnames()
        check(all(n.startswith("package/") for n in names) and "package/package.json" in names,
              f"{name}: entries under package/")
        check(not any("/node_modules/" in n for n in names), f"{name}: no node_modules packed")

    terser = json.loads(get(url + "/terser", {"Accept": ABBREVIATED})[2])
    deps = terser["versions"][terser["dist-tags"]["latest"]]["dependencies"]
    rewrites = json.load(open(os.path.join(registry, "rewrites.json")))
    check(any(r["package"].startswith("terser@") and r["dependency"] == "commander" and r["rewrittenTo"] == deps["commander"]
              for r in rewrites), "terser's commander range rewritten to Debian's, and listed")
    # Debian's architecture-dependent packages (/usr/lib/<triplet>/nodejs): esbuild keeps its 22
    # optional platform packages (21 of them unpublished here, for clients to skip), and
    # @esbuild/linux-x64 carries the real executable, not Debian's symlink to /usr/bin/esbuild.
    esbuild = json.loads(get(url + "/esbuild", {"Accept": ABBREVIATED})[2])
    optional = esbuild["versions"][esbuild["dist-tags"]["latest"]]["optionalDependencies"]
    check(len(optional) == 22 and "@esbuild/linux-x64" in optional, "esbuild's optional platform packages kept")
    check(sum(1 for r in rewrites if r["package"].startswith("esbuild@") and "kept" in r) == 21,
          "esbuild's unpublished platform packages listed as kept in rewrites.json")
    platform = json.loads(get(url + "/@esbuild%2flinux-x64", {"Accept": ABBREVIATED})[2])
    manifest = platform["versions"][platform["dist-tags"]["latest"]]
    check(manifest["os"] == ["linux"] and manifest["cpu"] == ["x64"], "@esbuild/linux-x64 declares os and cpu")
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(get(manifest["dist"]["tarball"])[2]))) as tar:
        exe = tar.getmember("package/bin/esbuild")
        head = tar.extractfile(exe).read(4)
    check(exe.isfile() and exe.mode == 0o755 and head == b"\x7fELF", "@esbuild/linux-x64: bin/esbuild is an ELF file, mode 0755")
    check(get(url + "/@private%2fthing")[0] == 401, "private scope without a token: 401")
    check(get(url + "/@private%2fthing", {"Authorization": "Bearer t0ken"})[0] == 200, "private scope with the token")
    check(get(url + "/no-such-package")[0] == 404, "unknown package: 404")


def verify(pem, message, sig):
    with tempfile.TemporaryDirectory() as d:
        open(d + "/k.pem", "w").write(pem)
        open(d + "/sig", "wb").write(sig)
        r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", d + "/k.pem", "-signature", d + "/sig"],
                           input=message.encode(), capture_output=True)
        return r.returncode == 0


if __name__ == "__main__":
    main()
