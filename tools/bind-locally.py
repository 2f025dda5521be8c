#!/usr/bin/env python3
"""Give a copy of libnode.so -Bsymbolic semantics after the fact.

Debian links libnode with default visibility and BIND_NOW, so every process that loads it
resolves thousands of symbol relocations by name before main() runs. Almost all of them point
back into libnode itself. Rewriting each relocation against a symbol libnode defines into a
RELATIVE one is what `-Wl,-Bsymbolic` would have produced at link time: references inside
libnode no longer go through interposable lookups (~9 ms → ~4 ms of every fe launch here).

Bound locally: functions and data objects libnode defines (default visibility), and the
STB_GNU_UNIQUE data (template statics, function-local statics) of V8's, cppgc's and Node's own
namespaces, which no other library defines. fe's executable must not copy-relocate libnode
data; the Makefile checks that after linking (`make build`).

Usage: bind-locally.py <libnode.so.108>   (rewrites the file in place)
"""
import os
import re
import struct
import sys

R_X86_64_64, R_X86_64_GLOB_DAT, R_X86_64_JUMP_SLOT, R_X86_64_RELATIVE = 1, 6, 7, 8
SHT_RELA, SHT_DYNSYM = 4, 11
STT_OBJECT, STT_FUNC = 1, 2
STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE = 1, 2, 10
STV_DEFAULT = 0
# Mangled names in namespaces v8, cppgc or node (also their function-local statics, _ZZ…).
OWN_NAMESPACE = re.compile(rb"^_ZZ?N(K)?(2v8|5cppgc|4node)")


def cstring(b, at):
    return bytes(b[at:b.index(0, at)])


def main(path):
    b = bytearray(open(path, "rb").read())
    if b[:4] != b"\x7fELF" or b[4] != 2 or b[5] != 1 or struct.unpack_from("<H", b, 0x12)[0] != 62:
        sys.exit(f"{path}: not an x86-64 ELF64 little-endian object; leaving it as it is")
    shoff = struct.unpack_from("<Q", b, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", b, 0x3A)
    secs = [struct.unpack_from("<IIQQQQIIQQ", b, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in secs if s[1] == SHT_DYNSYM)
    symoff, strtab = dynsym[4], secs[dynsym[6]][4]

    def local_target(si):
        name, info, other, shndx, value, _size = struct.unpack_from("<IBBHQQ", b, symoff + si * 24)
        bind, typ, vis = info >> 4, info & 0xF, other & 3
        if shndx == 0 or vis != STV_DEFAULT or typ not in (STT_FUNC, STT_OBJECT):
            return None
        if bind in (STB_GLOBAL, STB_WEAK):
            return value
        if bind == STB_GNU_UNIQUE and OWN_NAMESPACE.match(cstring(b, strtab + name)):
            return value
        return None

    rewritten = 0
    for s in secs:
        if s[1] != SHT_RELA:
            continue
        off, size = s[4], s[5]
        for k in range(0, size, 24):
            r_offset, r_info, r_addend = struct.unpack_from("<QQq", b, off + k)
            rtype, si = r_info & 0xFFFFFFFF, r_info >> 32
            if rtype not in (R_X86_64_64, R_X86_64_GLOB_DAT, R_X86_64_JUMP_SLOT) or si == 0:
                continue
            value = local_target(si)
            if value is None:
                continue
            addend = value + (r_addend if rtype == R_X86_64_64 else 0)
            struct.pack_into("<QQq", b, off + k, r_offset, R_X86_64_RELATIVE, addend)
            rewritten += 1
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b)
    os.chmod(tmp, 0o755)
    os.replace(tmp, path)
    print(f"bind-locally: {rewritten} relocations bound inside {os.path.basename(path)}")


if __name__ == "__main__":
    main(sys.argv[1])
