#!/usr/bin/env python3
"""Builds an npm-compatible registry tree from Debian's node-* packages, for fe's npm tests.

Every directory under <root>/usr/share/nodejs, <root>/usr/lib/nodejs or <root>/usr/lib/<triplet>/nodejs
(where Debian puts architecture-dependent packages: esbuild and @esbuild/linux-x64), or a
node_modules inside one, whose package.json has a name and version matching its place is an npm
package. A symlink is packed as the file it points to (@esbuild/linux-x64's bin/esbuild, a link
to /usr/bin/esbuild, becomes the ELF executable itself, mode 0755, as npm publishes it). Each is packed as `npm pack` does
(entries under package/, node_modules left out, fixed mtime, gzip), and described by two
packuments beside its tarballs, which nginx picks by the request's Accept header (see
nginx.conf.in):

    <out>/<name>/full.json     application/json: every package.json field, `time`, dist
    <out>/<name>/abbrev.json   application/vnd.npm.install-v1+json: the install fields only
    <out>/<name>/-/<base>-<version>.tgz
    <out>/-/npm/v1/keys        the registry's public key (ECDSA P-256), as registry.npmjs.org serves it

dist.integrity is the real sha512 of the tarball, dist.signatures an ECDSA P-256 signature of
`<name>@<version>:<integrity>` with the test key (<out>/test-key.pem). Tarball URLs start with
http://npm.registry.invalid, which nginx rewrites to the address it was asked on.

Debian ships one version of most packages, so some ranges name versions it does not have: such a
range is rewritten to the version Debian ships (Debian runs them together), and a dependency
Debian does not ship at all is dropped, except an optional one, which is kept: a client skips an
optional dependency that fails to resolve, as npm does (esbuild's 21 @esbuild/<platform> packages
for other platforms); <out>/rewrites.json lists all three kinds.

--fixtures adds the synthetic @fe-test/* packages the bad-input tests need (cycles, conflicts,
peers, prereleases, bad integrity and signatures, hostile tarballs, a decompression bomb), one
whose bin is a native executable (/usr/bin/env), and terser again as 5.16.6-fe.1 (the bench's
reinstall of another version).

Usage: build.py --root .deps/node-tools/root --out .build/npm-test-registry [--fixtures] [--if-stale]
(--if-stale: do nothing when <out> was built by these same scripts from the same packages.)
"""
import argparse
import base64
import fcntl
import glob
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import semver_lite  # noqa: E402

PLACEHOLDER = "http://npm.registry.invalid"
# npm pack's fixed mtime (1985-10-26T08:15:00Z), so a tarball's bytes depend only on its files.
NPM_MTIME = 499162500
PUBLISHED = "2022-12-01T00:00:00.000Z"
ABBREVIATED_FIELDS = [
    "name", "version", "dependencies", "optionalDependencies", "devDependencies", "bundleDependencies",
    "peerDependencies", "peerDependenciesMeta", "bin", "directories", "engines", "os", "cpu", "libc",
    "deprecated", "hasInstallScript", "_hasShrinkwrap", "dist",
]
DEP_FIELDS = ["dependencies", "optionalDependencies", "peerDependencies"]


# --- Finding packages -------------------------------------------------------------------------

def find_packages(root):
    """(dir, package.json) for each npm package in the unpacked .debs."""
    found = []
    arch_dirs = sorted(os.path.relpath(d, root) for d in glob.glob(os.path.join(root, "usr/lib/*/nodejs")))
    for base in ["usr/share/nodejs", "usr/lib/nodejs"] + arch_dirs:
        top = os.path.join(root, base)
        if not os.path.isdir(top):
            continue
        for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
            dirnames.sort()
            if "package.json" not in filenames:
                continue
            try:
                with open(os.path.join(dirpath, "package.json"), encoding="utf-8") as f:
                    pj = json.load(f)
            except (OSError, ValueError):
                continue
            name, version = pj.get("name"), pj.get("version")
            rel = os.path.relpath(dirpath, top)
            place = rel.split("/node_modules/")[-1]
            if not isinstance(name, str) or not isinstance(version, str) or place != name:
                continue
            if semver_lite.parse(version) is None:
                continue
            found.append((dirpath, pj))
    return found


def package_files(pkg_dir, root):
    """(path in package, bytes, mode) of what npm pack would take: everything but node_modules
    and VCS files; symlinks followed (an absolute one into the unpacked .debs), dangling ones left out."""
    out = []
    for dirpath, dirnames, filenames in os.walk(pkg_dir, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if d not in ("node_modules", ".git"))
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            target = full
            if os.path.islink(full):
                link = os.readlink(full)
                target = os.path.join(root, link.lstrip("/")) if link.startswith("/") else os.path.join(dirpath, link)
            if not os.path.isfile(target):
                continue
            with open(target, "rb") as f:
                data = f.read()
            mode = 0o755 if os.stat(target).st_mode & 0o111 else 0o644
            out.append((os.path.relpath(full, pkg_dir), data, mode))
    return out


# --- Packing ----------------------------------------------------------------------------------

def tar_bytes(entries):
    """A gzip'd tar as npm pack makes it. `entries`: (name, data, mode) or (name, None, mode, kind, link)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for e in entries:
            name, data, mode = e[0], e[1], e[2]
            info = tarfile.TarInfo(name)
            info.mtime = NPM_MTIME
            info.mode = mode
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if len(e) > 3:
                info.type = e[3]
                info.linkname = e[4]
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


def integrity(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


# --- Signing ----------------------------------------------------------------------------------

class Signer:
    """The registry's ECDSA P-256 key, through the openssl command (no Python crypto needed)."""

    def __init__(self, out):
        self.key = os.path.join(out, "test-key.pem")
        if not os.path.exists(self.key):
            run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", self.key])
        der = run(["openssl", "ec", "-in", self.key, "-pubout", "-outform", "DER"], capture=True)
        self.public = base64.b64encode(der).decode()
        self.keyid = "SHA256:" + base64.b64encode(hashlib.sha256(der).digest()).decode().rstrip("=")

    def sign(self, message):
        sig = run(["openssl", "dgst", "-sha256", "-sign", self.key], capture=True, stdin=message.encode())
        return base64.b64encode(sig).decode()

    def keys_document(self):
        return {"keys": [{"expires": None, "keyid": self.keyid, "keytype": "ecdsa-sha2-nistp256",
                          "scheme": "ecdsa-sha2-nistp256", "key": self.public}]}


def run(args, capture=False, stdin=None):
    r = subprocess.run(args, input=stdin, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE, check=False)
    if r.returncode != 0:
        sys.exit(f"build.py: {' '.join(args)} failed: {r.stderr.decode(errors='replace')}")
    return r.stdout


# --- Manifests ----------------------------------------------------------------------------------

def normalized_bin(pj):
    b = pj.get("bin")
    if isinstance(b, str):
        return {pj["name"].split("/")[-1]: b}
    return b if isinstance(b, dict) else None


def has_install_script(pj, files):
    scripts = pj.get("scripts") or {}
    return any(k in scripts for k in ("preinstall", "install", "postinstall")) or any(
        f[0] == "binding.gyp" for f in files)


class Registry:
    def __init__(self, out, signer):
        self.out = out
        self.signer = signer
        self.versions = {}  # name -> {version: manifest}
        self.tags = {}  # name -> {tag: version}
        self.published = {}  # (name, version) -> ISO time, when not PUBLISHED
        self.rewrites = []

    def add(self, pj, files, *, tarball=None, tags=None, tamper=None, serve_other_bytes=False, published=None):
        """Packs `files` (or takes `tarball` as is) and records the version's manifest.
        `tamper` changes the published dist after signing; `serve_other_bytes` publishes (and
        signs) the real integrity but serves different bytes, as a compromised mirror would."""
        name, version = pj["name"], pj["version"]
        data = tarball if tarball is not None else tar_bytes([("package/" + p, d, m) for p, d, m in files])
        base = name.split("/")[-1]
        rel = f"{name}/-/{base}-{version}.tgz"
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(tar_bytes([("package/package.json", b"{}", 0o644)]) if serve_other_bytes else data)
        manifest = {k: v for k, v in pj.items() if not k.startswith("_")}
        bins = normalized_bin(pj)
        if bins is not None:
            manifest["bin"] = bins
        if has_install_script(pj, files):
            manifest["hasInstallScript"] = True
        sri = integrity(data)
        dist = {
            "integrity": sri, "shasum": hashlib.sha1(data).hexdigest(), "tarball": f"{PLACEHOLDER}/{rel}",
            "fileCount": len(files), "unpackedSize": sum(len(d) for _, d, _ in files),
            "signatures": [{"keyid": self.signer.keyid, "sig": self.signer.sign(f"{name}@{version}:{sri}")}],
        }
        if tamper:
            tamper(dist)
        manifest["dist"] = dist
        manifest["_id"] = f"{name}@{version}"
        self.versions.setdefault(name, {})[version] = manifest
        if tags:
            self.tags.setdefault(name, {}).update(tags)
        if published:
            self.published[(name, version)] = published

    def resolve_ranges(self):
        """Rewrites each range no shipped version satisfies to the shipped one; drops a dependency
        nobody ships. Synthetic @fe-test packages are left as written (their bad ranges are the point)."""
        for name, versions in sorted(self.versions.items()):
            if name.startswith("@fe-test/") or name.startswith("@private/"):
                continue
            for version, m in sorted(versions.items()):
                for field in DEP_FIELDS:
                    deps = m.get(field)
                    if not isinstance(deps, dict):
                        continue
                    for dep, rng in sorted(deps.items()):
                        have = sorted(self.versions.get(dep, {}), key=lambda v: semver_lite.key(semver_lite.parse(v)))
                        if any(semver_lite.satisfies(v, rng) for v in have):
                            continue
                        entry = {"package": f"{name}@{version}", "field": field, "dependency": dep, "range": rng}
                        if have:
                            deps[dep] = have[-1]
                            entry["rewrittenTo"] = have[-1]
                        elif field == "optionalDependencies":
                            entry["kept"] = "Debian does not ship it; optional, so clients skip it"
                        else:
                            del deps[dep]
                            entry["dropped"] = "Debian does not ship it"
                        self.rewrites.append(entry)

    def write(self):
        for name, versions in sorted(self.versions.items()):
            order = sorted(versions, key=lambda v: semver_lite.key(semver_lite.parse(v)))
            tags = dict(self.tags.get(name, {}))
            releases = [v for v in order if not semver_lite.parse(v)[1]]
            tags.setdefault("latest", (releases or order)[-1])
            full = {
                "_id": name, "name": name, "dist-tags": tags,
                "versions": {v: versions[v] for v in order},
                "time": {"created": PUBLISHED, "modified": PUBLISHED,
                         **{v: self.published.get((name, v), PUBLISHED) for v in order}},
            }
            abbrev = {
                "name": name, "modified": PUBLISHED, "dist-tags": tags,
                "versions": {v: {k: versions[v][k] for k in ABBREVIATED_FIELDS if k in versions[v]} for v in order},
            }
            d = os.path.join(self.out, name)
            os.makedirs(d, exist_ok=True)
            for fn, doc in (("full.json", full), ("abbrev.json", abbrev)):
                with open(os.path.join(d, fn), "w", encoding="utf-8") as f:
                    json.dump(doc, f, indent=None, separators=(",", ":"), sort_keys=True)
        keys = os.path.join(self.out, "-", "npm", "v1")
        os.makedirs(keys, exist_ok=True)
        with open(os.path.join(keys, "keys"), "w", encoding="utf-8") as f:
            json.dump(self.signer.keys_document(), f)
        with open(os.path.join(self.out, "rewrites.json"), "w", encoding="utf-8") as f:
            json.dump(self.rewrites, f, indent=1)


# --- Synthetic packages for the bad-input tests --------------------------------------------------

def add_next_version(reg, pj, files):
    """The package again as <major>.<minor>.<patch+1>-fe.1, its package.json's version the only
    change: a prerelease, so no range picks it unasked. bench/install-npm.sh reinstalls a tool as
    another version whose tree is otherwise the one already cached."""
    major, minor, patch = pj["version"].split(".")
    version = f"{major}.{minor}.{int(patch) + 1}-fe.1"
    bumped = []
    for path, data, mode in files:
        if path == "package.json":
            doc = json.loads(data)
            doc["version"] = version
            data = json.dumps(doc, indent=2).encode()
        bumped.append((path, data, mode))
    reg.add(dict(pj, version=version), bumped)


def add_fixtures(reg):
    def pkg(name, version, deps=None, tags=None, files=None, **extra):
        pj = {"name": name, "version": version, **extra}
        if deps:
            pj["dependencies"] = deps
        body = files if files is not None else [
            ("index.js", f"module.exports = {json.dumps(name + '@' + version)};\n".encode(), 0o644)]
        listed = [("package.json", json.dumps(pj, indent=2).encode(), 0o644)] + body
        return pj, listed, tags

    def add(name, version, deps=None, tags=None, files=None, tarball=None, tamper=None, serve_other_bytes=False,
            published=None, **extra):
        pj, listed, tags = pkg(name, version, deps, tags, files, **extra)
        reg.add(pj, listed, tags=tags, tarball=tarball, tamper=tamper, serve_other_bytes=serve_other_bytes,
                published=published)

    t = "@fe-test/"
    # Selection: latest preferred when it satisfies; prereleases only when asked.
    add(t + "tagged", "1.0.0", tags={"latest": "1.0.0", "next": "2.1.0-beta.1"})
    add(t + "tagged", "1.1.0")
    add(t + "tagged", "2.0.0")
    add(t + "tagged", "2.1.0-beta.1")
    # Minimum release age: 1.1.0 (latest) is "published" in 2099, so any age policy refuses it.
    add(t + "fresh", "1.0.0")
    add(t + "fresh", "1.1.0", published="2099-01-01T00:00:00.000Z")
    # Hoisting: app needs dup@1 and mid, mid needs dup@2 (nested under mid), cycles a <-> b.
    add(t + "dup", "1.0.0")
    add(t + "dup", "2.0.0")
    add(t + "mid", "1.0.0", deps={t + "dup": "^2.0.0", t + "leaf": "^1.0.0"})
    add(t + "leaf", "1.0.0")
    add(t + "cycle-a", "1.0.0", deps={t + "cycle-b": "^1.0.0"})
    add(t + "cycle-b", "1.0.0", deps={t + "cycle-a": "^1.0.0"})
    add(t + "host", "1.0.0")
    add(t + "host", "2.0.0")
    add(t + "plugin", "1.0.0", peerDependencies={t + "host": "^1.0.0"})
    add(t + "app", "1.0.0", deps={t + "dup": "^1.0.0", t + "mid": "^1.0.0", t + "cycle-a": "^1.0.0", t + "plugin": "^1.0.0"},
        optionalDependencies={t + "only-win32": "^1.0.0", t + "gone": "^1.0.0"},
        bin={"fe-test-app": "cli.js"},
        files=[("cli.js", b"#!/usr/bin/env node\nconsole.log(require('@fe-test/dup'));\n", 0o644),
               ("index.js", b"module.exports = 'app';\n", 0o644)])
    add(t + "only-win32", "1.0.0", os=["win32"])
    # A main `fe` tool from npm (fe: "npm:@fe-test/fe-cli@^1"): its only bin is not named fe.
    add(t + "fe-cli", "1.0.0", bin={"fe-cli": "cli.js"},
        files=[("cli.js", b"#!/usr/bin/env node\nconsole.log('fe-cli', process.argv.slice(2).join(' '));\n", 0o755)])
    # Published, but its tarball is gone (an optional dependency that fails is skipped).
    add(t + "gone", "1.0.0")
    os.remove(os.path.join(reg.out, t + "gone/-/gone-1.0.0.tgz"))
    # Unsatisfiable and missing dependencies, two levels down so the chain shows.
    add(t + "unsat-top", "1.0.0", deps={t + "unsat": "^1.0.0"}, bin={"unsat-top": "index.js"})
    add(t + "unsat", "1.0.0", deps={"acorn": "^99.0.0"})
    add(t + "missing", "1.0.0", deps={t + "no-such-package": "^1.0.0"})
    # Install scripts: declared, never run.
    add(t + "scripts", "1.0.0", scripts={"postinstall": "node -e \"require('fs').writeFileSync('/tmp/pwned','')\""},
        bin={"fe-test-scripts": "index.js"})
    # Integrity and signatures.
    add(t + "bad-integrity", "1.0.0", serve_other_bytes=True, bin={"bad-integrity": "index.js"})
    add(t + "bad-signature", "1.0.0",
        tamper=lambda d: d["signatures"][0].update(sig=base64.b64encode(b"\x30\x06\x02\x01\x01\x02\x01\x01").decode()))
    add(t + "unknown-key", "1.0.0", tamper=lambda d: d["signatures"][0].update(keyid="SHA256:not-a-key-of-this-registry"))
    add(t + "unsigned", "1.0.0", tamper=lambda d: d.pop("signatures"))
    add(t + "sha1-only", "1.0.0", tamper=lambda d: (d.pop("integrity"), d.pop("signatures")))
    # Hostile tarballs.
    pj = {"name": t + "dotdot", "version": "1.0.0"}
    add(t + "dotdot", "1.0.0", tarball=tar_bytes([
        ("package/package.json", json.dumps(pj).encode(), 0o644), ("package/../../evil.js", b"evil\n", 0o644)]))
    pj = {"name": t + "absolute", "version": "1.0.0"}
    add(t + "absolute", "1.0.0", tarball=tar_bytes([
        ("package/package.json", json.dumps(pj).encode(), 0o644), ("/tmp/fe-npm-absolute-evil.js", b"evil\n", 0o644)]))
    pj = {"name": t + "symlink", "version": "1.0.0"}
    add(t + "symlink", "1.0.0", tarball=tar_bytes([
        ("package/package.json", json.dumps(pj).encode(), 0o644),
        ("package/passwd", None, 0o777, tarfile.SYMTYPE, "../../../../../../etc/passwd")]))
    pj = {"name": t + "hardlink", "version": "1.0.0"}
    add(t + "hardlink", "1.0.0", tarball=tar_bytes([
        ("package/package.json", json.dumps(pj).encode(), 0o644),
        ("package/shadow", None, 0o644, tarfile.LNKTYPE, "../../../../../../etc/shadow")]))
    pj = {"name": t + "bomb", "version": "1.0.0"}
    add(t + "bomb", "1.0.0", tarball=tar_bytes([
        ("package/package.json", json.dumps(pj).encode(), 0o644), ("package/zeros.bin", bytes(64 << 20), 0o644)]))
    # Malformed registry answers: a version listed without a tarball (the highest, so npm would
    # pick it), and documents that are not packuments (written by break_documents after write()).
    add(t + "no-tarball", "1.0.0")
    add(t + "no-tarball", "1.1.0", tamper=lambda d: d.pop("tarball"))
    # A bin that is itself a native executable (this machine's /usr/bin/env, mode 0755): fe execs it.
    with open("/usr/bin/env", "rb") as f:
        env_elf = f.read()
    add(t + "native-bin", "1.0.0", bin={"fe-test-env": "bin/fe-test-env"},
        files=[("bin/fe-test-env", env_elf, 0o755), ("index.js", b"module.exports = 'native-bin';\n", 0o644)])
    # A private scope (nginx wants a token for it).
    add("@private/thing", "1.0.0")


# Documents a misconfigured registry or proxy answers with, in place of a packument.
BROKEN_DOCUMENTS = {
    "@fe-test/html-page": b"<html><body>Sign in to continue</body></html>\n",
    "@fe-test/truncated": b'{"name":"@fe-test/truncated","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"na',
    "@fe-test/versions-list": b'{"name":"@fe-test/versions-list","dist-tags":{},"versions":["1.0.0"]}',
}


def break_documents(out):
    for name, body in BROKEN_DOCUMENTS.items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        for fn in ("full.json", "abbrev.json"):
            with open(os.path.join(d, fn), "wb") as f:
                f.write(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, help="the unpacked .debs (usr/share/nodejs inside)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--fixtures", action="store_true", help="add the synthetic @fe-test packages")
    ap.add_argument("--if-stale", action="store_true")
    args = ap.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    # Test processes may ask for the same registry at once: one builds, the others wait and reuse it.
    with open(args.out + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp = source_stamp(args)
        stamp_file = os.path.join(args.out, "stamp")
        if args.if_stale and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
            return
        build(args, stamp)


def source_stamp(args):
    """A hash of these scripts, the options and the packages found: what the tree depends on."""
    h = hashlib.sha256()
    here = os.path.dirname(os.path.abspath(__file__))
    for fn in sorted(os.listdir(here)):
        if fn.endswith(".py") or fn.endswith(".in"):
            h.update(fn.encode() + open(os.path.join(here, fn), "rb").read())
    h.update(repr(args.fixtures).encode())
    h.update(repr(sorted((pj["name"], pj["version"]) for _, pj in find_packages(args.root))).encode())
    return h.hexdigest()


def build(args, stamp):
    tmp = f"{args.out}.tmp{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    reg = Registry(tmp, Signer(tmp))
    seen = set()
    for pkg_dir, pj in find_packages(args.root):
        if (pj["name"], pj["version"]) in seen:
            continue
        seen.add((pj["name"], pj["version"]))
        files = package_files(pkg_dir, args.root)
        reg.add(pj, files)
        if args.fixtures and pj["name"] == "terser":
            add_next_version(reg, pj, files)
    if args.fixtures:
        add_fixtures(reg)
    reg.resolve_ranges()
    reg.write()
    if args.fixtures:
        break_documents(tmp)
    with open(os.path.join(tmp, "stamp"), "w") as f:
        f.write(stamp)
    shutil.rmtree(args.out, ignore_errors=True)
    os.rename(tmp, args.out)
    print(f"npm test registry: {sum(len(v) for v in reg.versions.values())} versions of {len(reg.versions)} packages "
          f"in {args.out}, {len(reg.rewrites)} ranges rewritten (rewrites.json)")


if __name__ == "__main__":
    main()
