#!/usr/bin/env python3
"""Quick check while working on a builtin: run some of Node's test/parallel tests under fe.

  tools/conformance/try.py [--fe PATH] [--node] [--suite DIR] PATTERN...

PATTERN is a glob on test/parallel file names (`test-net-*`, `test-dns-lookup.js`). Each test
runs as run.py runs it (cwd, env, `// Flags:`, 30 s limit), from the fe-stub copy of the suite,
and prints `pass`/`fail`/`skip`/`timeout` with the first error. --node runs them under node
instead. Nothing is written to the results or the committed lists (make conformance does that).
"""
import argparse, concurrent.futures as cf, fnmatch, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run

ap = argparse.ArgumentParser()
ap.add_argument('--fe', default=os.path.join(run.REPO, '.build', 'debug', 'fe'))
ap.add_argument('--node', action='store_true')
ap.add_argument('--suite', default=os.path.join(run.REPO, '.deps', 'node-tests'))
ap.add_argument('--jobs', type=int, default=2)
ap.add_argument('patterns', nargs='+')
a = ap.parse_args()
root = run.make_stub(os.path.abspath(a.suite))
par = os.path.join(root, 'test', 'parallel')
names = sorted(n for n in os.listdir(par) if n.endswith(('.js', '.mjs'))
               and any(fnmatch.fnmatch(n, p) for p in a.patterns))
env = run.base_env()


def one(n):
  path = os.path.join('test', 'parallel', n)
  e = dict(env, TEST_THREAD_ID=str(run.thread_id()))
  flags = run.flags_of(os.path.join(root, path))
  argv = ['node', *flags, path] if a.node else [os.path.abspath(a.fe), 'blobs', 'run', *flags, path]
  return n, run.run_one(argv, root, e, 30)


counts = {}
with cf.ThreadPoolExecutor(a.jobs) as ex:
  for n, r in ex.map(one, names):
    counts[r['status']] = counts.get(r['status'], 0) + 1
    print(f"{r['status']:8} {n}  {r['why'][:200]}", flush=True)
print(' '.join(f'{v} {k}' for k, v in sorted(counts.items())), f'of {len(names)}')
