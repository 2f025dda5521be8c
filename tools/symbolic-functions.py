#!/usr/bin/env python3
"""Give a copy of libnode.so -Bsymbolic-functions semantics after the fact.

Debian links libnode with default visibility and BIND_NOW, so every process that loads it
resolves ~60k symbol relocations by name before main() runs (about 25 ms here). Almost all
of them point back into libnode itself. Rewriting each relocation against a function that
libnode defines into a RELATIVE one is what `-Wl,-Bsymbolic-functions` would have produced
at link time (a flag Ubuntu once used distribution-wide): calls inside libnode no longer go
through interposable lookups. Data symbols are left alone, so copy relocations stay correct.

Usage: symbolic-functions.py <libnode.so.108>   (rewrites the file in place)
"""
import struct
import sys

R_X86_64_64, R_X86_64_GLOB_DAT, R_X86_64_JUMP_SLOT, R_X86_64_RELATIVE = 1, 6, 7, 8
SHT_RELA, SHT_DYNSYM, STT_FUNC, STB_GLOBAL, STB_WEAK, STV_DEFAULT = 4, 11, 2, 1, 2, 0


def main(path):
    b = bytearray(open(path, "rb").read())
    if b[:4] != b"\x7fELF" or b[4] != 2 or b[5] != 1 or struct.unpack_from("<H", b, 0x12)[0] != 62:
        sys.exit(f"{path}: not an x86-64 ELF64 little-endian object; leaving it as it is")
    shoff = struct.unpack_from("<Q", b, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", b, 0x3A)
    secs = [struct.unpack_from("<IIQQQQIIQQ", b, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in secs if s[1] == SHT_DYNSYM)
    symoff = dynsym[4]
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
            _name, info, other, shndx, value, _size = struct.unpack_from("<IBBHQQ", b, symoff + si * 24)
            bind, typ, vis = info >> 4, info & 0xF, other & 3
            if shndx == 0 or typ != STT_FUNC or bind not in (STB_GLOBAL, STB_WEAK) or vis != STV_DEFAULT:
                continue
            addend = value + (r_addend if rtype == R_X86_64_64 else 0)
            struct.pack_into("<QQq", b, off + k, r_offset, R_X86_64_RELATIVE, addend)
            rewritten += 1
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b)
    import os
    os.chmod(tmp, 0o755)
    os.replace(tmp, path)
    print(f"symbolic-functions: {rewritten} relocations bound inside {os.path.basename(path)}")


if __name__ == "__main__":
    main(sys.argv[1])
