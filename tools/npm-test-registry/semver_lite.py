"""Just enough of node-semver's range grammar to tell whether Debian's one version of a package
satisfies a range another package asks for (the test registry rewrites the ranges it cannot).
Prerelease versions satisfy only comparators on the same major.minor.patch, as in node-semver."""
import re

_V = re.compile(r"^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$")


def parse(text):
    m = _V.match(text.strip())
    if not m:
        return None
    parts = [None if p is None or p in "xX*" else int(p) for p in m.group(1, 2, 3)]
    pre = tuple(m.group(4).split(".")) if m.group(4) else ()
    return parts, pre


def key(v):
    (ma, mi, pa), pre = v
    # A release sorts above its prereleases; numeric identifiers below alphanumeric ones.
    return (ma, mi, pa, 1 if not pre else 0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre))


def _comparators(part):
    part = part.strip()
    if part in ("", "*", "x", "latest"):
        return [(">=", ((0, 0, 0), ()))]
    hy = re.match(r"^(\S+)\s+-\s+(\S+)$", part)
    if hy:
        lo, hi = parse(hy.group(1)), parse(hy.group(2))
        out = [(">=", _floor(lo))]
        (a, b, c), pre = hi[0], hi[1]
        if a is None:
            return out
        if b is None:
            out.append(("<", ((a + 1, 0, 0), ("0",))))
        elif c is None:
            out.append(("<", ((a, b + 1, 0), ("0",))))
        else:
            out.append(("<=", ((a, b, c), pre)))
        return out
    out = []
    for tok in re.sub(r"(>=|<=|>|<|=|\^|~)\s+", r"\1", part).split():
        m = re.match(r"^(>=|<=|>|<|=|\^|~>?|)(.*)$", tok)
        op, rest = m.group(1), m.group(2)
        v = parse(rest)
        if v is None:
            raise ValueError(tok)
        (a, b, c), pre = v
        if op in ("", "="):
            if a is None:
                out.append((">=", ((0, 0, 0), ())))
            elif b is None:
                out += [(">=", ((a, 0, 0), ())), ("<", ((a + 1, 0, 0), ("0",)))]
            elif c is None:
                out += [(">=", ((a, b, 0), ())), ("<", ((a, b + 1, 0), ("0",)))]
            else:
                out.append(("=", v))
        elif op.startswith("~"):
            lo = _floor(v)
            hi = (a + 1, 0, 0) if b is None else (a, b + 1, 0)
            out += [(">=", lo), ("<", (hi, ("0",)))]
        elif op == "^":
            lo = _floor(v)
            if a is None:
                continue
            if a > 0 or b is None:
                hi = (a + 1, 0, 0)
            elif b > 0 or c is None:
                hi = (0, b + 1, 0)
            else:
                hi = (0, 0, c + 1)
            out += [(">=", lo), ("<", (hi, ("0",)))]
        else:
            if a is None:
                out.append((">=", ((0, 0, 0), ())))
                continue
            if op in (">", "<=") and (b is None or c is None):
                # >1.2 means >=1.3.0; <=1.2 means <1.3.0
                hi = (a + 1, 0, 0) if b is None else (a, b + 1, 0)
                out.append((">=" if op == ">" else "<", (hi, ("0",) if op == "<=" else ())))
            else:
                out.append((op, _floor(v)))
    return out


def _floor(v):
    (a, b, c), pre = v
    return ((a or 0, b or 0, c or 0), pre)


def satisfies(version, rng):
    v = parse(version)
    if v is None:
        return False
    for alt in rng.split("||"):
        try:
            comps = _comparators(alt)
        except (ValueError, TypeError, AttributeError):
            continue
        ok = True
        for op, c in comps:
            kv, kc = key(v), key(c)
            if not {"=": kv == kc, ">=": kv >= kc, ">": kv > kc, "<": kv < kc, "<=": kv <= kc}[op]:
                ok = False
                break
        if ok and v[1]:
            # A prerelease satisfies only a comparator set naming the same [major, minor, patch] with a prerelease.
            ok = any(c[1] and c[0] == tuple(v[0]) for _, c in comps)
        if ok:
            return True
    return False
