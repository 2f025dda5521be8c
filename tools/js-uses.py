#!/usr/bin/env python3
"""Writes the `// Uses from earlier files:` line of each runtime JS file (Sources/FeRuntime/JS).

The files share one scope, joined in name order; this line says which top-level names of
earlier files each one uses. RuntimeSourceTests computes the same thing and fails when a line is
stale (it runs `tools/js-uses.py --check`): run `tools/js-uses.py` after changing what a file uses.
"""
import os, re, sys

JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "FeRuntime", "JS")
MARK = "// Uses from earlier files:"
DECL = re.compile(r"^(?:async\s+)?function\*?\s+([A-Za-z_$][\w$]*)|^class\s+([A-Za-z_$][\w$]*)|^(?:const|let|var)\s+([A-Za-z_$][\w$]*)", re.M)
DESTRUCT = re.compile(r"^(?:const|let|var)\s+\{([^}]*)\}\s*=", re.M)


def declared(text):
    names = [next(g for g in m.groups() if g) for m in DECL.finditer(text)]
    for m in DESTRUCT.finditer(text):
        for part in m.group(1).split(","):
            part = part.strip()
            if part:
                names.append(part.split(":")[-1].strip())
    return names


def uses_line(files, texts, i):
    groups = []
    for j in range(i):
        used = [n for n in dict.fromkeys(declared(texts[j])) if re.search(r"(?<![\w$.])" + re.escape(n) + r"(?![\w$])", body(texts[i]))]
        if used:
            groups.append(f"{files[j]} ({', '.join(used)})")
    return MARK + " " + ("; ".join(groups) if groups else "none") + "."


def body(text):
    return "\n".join(l for l in text.split("\n") if not l.startswith(MARK))


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    files = sorted(f for f in os.listdir(JS) if f.endswith(".js"))
    texts = [open(os.path.join(JS, f)).read() for f in files]
    for i, f in enumerate(files):
        line = uses_line(files, texts, i)
        lines = texts[i].split("\n")
        lines = [l for l in lines if not l.startswith(MARK)]
        # After the file's opening comment block.
        at = 0
        while at < len(lines) and lines[at].startswith("//"):
            at += 1
        lines.insert(at, line)
        out = "\n".join(lines)
        if out != texts[i]:
            stale.append(f)
            if not check:
                open(os.path.join(JS, f), "w").write(out)
                texts[i] = out
    if check and stale:
        print("stale `Uses from earlier files` lines (run tools/js-uses.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
