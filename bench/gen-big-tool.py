#!/usr/bin/env python3
"""gen-big-tool.py <out.js> <bytes>: a synthetic fe-native tool of about <bytes> bytes for
bench/install.sh: many small functions with varied literals (so it compresses like real code,
not like repeated text), and an fe.main that prints how many there are. Deterministic."""
import random, sys
random.seed(42)
words = ["alpha","beta","gamma","delta","render","parse","token","scope","value","node","emit","visit","chunk","module","export","buffer","stream","cache","resolve","load"]
out = []
out.append("'use strict';\n// A synthetic ~10 MB fe-native tool for bench/install.sh: many small functions and tables.\n")
n = 0
i = 0
target = int(sys.argv[2])
while n < target:
    w = [random.choice(words) for _ in range(6)]
    k = random.randint(0, 1 << 30)
    f = (f"function {w[0]}_{w[1]}_{i}(a, b) {{\n"
         f"  const t = ['{w[2]}', '{w[3]}', '{w[4]}', {k}, {k ^ 0x5bd1e995}];\n"
         f"  if (a > {k % 1000}) return t[a % 5] + '{w[5]}-{i}';\n"
         f"  return b ? {w[0]}_{w[1]}_{i}.name + String(a * {k % 97 + 1}) : '{''.join(random.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(24))}';\n"
         f"}}\n")
    out.append(f)
    n += len(f)
    i += 1
out.append(f"const count = {i};\nfe.main(async () => {{ console.log('big tool with ' + count + ' functions'); return 0; }});\n")
open(sys.argv[1], "w").write("".join(out))
