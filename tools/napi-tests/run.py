#!/usr/bin/env python3
"""Node's own Node-API tests (test/js-native-api, test/node-api) under fe and node (issue 16).

  run.py [--suite DIR] [--fe BIN] [--node BIN] [--jobs 2] [--timeout 60] [--only GLOB] [--smoke FILE]

Builds every addon the way node-gyp would lay it out, but with gcc/g++ directly against
libnode-dev's headers (.deps/libnode/include: js_native_api.h, node_api.h; uv.h from the same
package): each binding.gyp target becomes build/Release/<target>.node (test/common's buildType is
process.config.target_defaults.default_configuration, "Release"), compiled with
-DNODE_GYP_MODULE_NAME=<target> -DBUILDING_NODE_EXTENSION plus the target's `defines`.
The suite is copied to .build/napi-tests/ first (.deps is shared and read-only).

Each test*.js then runs as Node's tools/test.py runs it: `<binary> <// Flags:> test/<dir>/<test>.js`,
cwd = the copy's root, NODE_SKIP_FLAG_CHECK=1; fe as `fe blobs run`. A test passes on exit status 0
without `1..0 # Skipped`. Writes bench/results/node-api.md (per test: node, fe, and fe's first
error with the reason for each failure), and tools/napi-tests/passing.txt.

--smoke FILE runs only the tests listed in FILE under fe (make test): prints `N passed, M failed`,
exits 1 on any failure.
"""
import argparse, concurrent.futures as cf, datetime, fnmatch, os, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, 'tools', 'conformance'))
import run as conformance  # noqa: E402  (run_one, flags_of, base_env, first_error)

GROUPS = ('js-native-api', 'node-api')
INCLUDES = [os.path.join(REPO, '.deps', 'libnode', 'include')]
UV_DEPS = os.path.join(REPO, '.build', 'napi-deps')


def uv_include():
  """uv.h for the addons that use libuv: libuv1-dev's (the libuv libnode links), installed or
  unpacked from its .deb into .build/napi-deps (apt-get download + dpkg-deb -x, never installed)."""
  if os.path.isfile('/usr/include/uv.h'):
    return '/usr/include'
  inc = os.path.join(UV_DEPS, 'root', 'usr', 'include')
  if not os.path.isfile(os.path.join(inc, 'uv.h')):
    os.makedirs(UV_DEPS, exist_ok=True)
    subprocess.run(['apt-get', 'download', 'libuv1-dev'], cwd=UV_DEPS, check=True, capture_output=True)
    deb = next(f for f in os.listdir(UV_DEPS) if f.startswith('libuv1-dev') and f.endswith('.deb'))
    subprocess.run(['dpkg-deb', '-x', deb, 'root'], cwd=UV_DEPS, check=True)
  return inc

# Why a test fails under fe when the reason is known and is not a bug in fe's Node-API: written
# next to the failure in the table.
REASONS = {
  'node-api/test_callback_scope/test-async-hooks.js':
    'not Node-API: the callback scope\'s before/after are right, but fe\'s own exit-code promise '
    '(core.exitCodePromise\'s Promise.resolve().then) reaches async_hooks as PROMISE init/before/after '
    'after the main module, and the test\'s before hook must run once',
  'node-api/test_policy/test_policy.js': 'fe has no --experimental-policy (policy manifests), so the policy integrity check never fails',
  'node-api/test_make_callback_recurse/test.js':
    'domains: an error thrown in a domain\'s MakeCallback must reach that domain\'s handler; fe\'s domain '
    'module does not hook napi_make_callback',
}


def copy_suite(suite, dest):
  """test/common, test/fixtures (linked) and the two Node-API groups, into dest/test."""
  t = os.path.join(dest, 'test')
  os.makedirs(t, exist_ok=True)
  for name in ('common',) + GROUPS:
    src, dst = os.path.join(suite, 'test', name), os.path.join(t, name)
    if not os.path.isdir(dst):
      shutil.copytree(src, dst, ignore=shutil.ignore_patterns('build'))
  fx = os.path.join(t, 'fixtures')
  if not os.path.lexists(fx):
    os.symlink(os.path.join(suite, 'test', 'fixtures'), fx)
  return dest


def targets(d):
  with open(os.path.join(d, 'binding.gyp'), encoding='utf-8') as f:
    src = f.read()
  src = re.sub(r'#.*', '', src)
  import ast
  gyp = ast.literal_eval(src)
  return gyp.get('targets', [])


def build(d):
  """Compiles each target of d/binding.gyp; returns [] or the compiler's complaints."""
  errors = []
  out = os.path.join(d, 'build', 'Release')
  os.makedirs(out, exist_ok=True)
  for t in targets(d):
    name = t['target_name']
    dst = os.path.join(out, name + '.node')
    srcs = [os.path.join(d, s) for s in t.get('sources', [])]
    if os.path.exists(dst) and all(os.path.getmtime(s) <= os.path.getmtime(dst) for s in srcs):
      continue
    cxx = any(s.endswith(('.cc', '.cpp')) for s in srcs)
    objs, ok = [], True
    for s in srcs:
      if not s.endswith(('.c', '.cc', '.cpp')):
        continue
      obj = os.path.join(out, name + '.' + os.path.basename(s) + '.o')
      cc = ['g++', '-std=gnu++17'] if s.endswith(('.cc', '.cpp')) else ['gcc', '-std=gnu11']
      argv = cc + ['-c', '-fPIC', '-O2', '-w', f'-DNODE_GYP_MODULE_NAME={name}', '-DBUILDING_NODE_EXTENSION',
                   '-D_LARGEFILE_SOURCE', '-D_FILE_OFFSET_BITS=64']
      argv += ['-D' + x for x in t.get('defines', [])]
      argv += ['-I' + i for i in INCLUDES + [uv_include()]] + ['-o', obj, s]
      p = subprocess.run(argv, capture_output=True, text=True)
      if p.returncode != 0:
        errors.append(f'{os.path.basename(s)}: {p.stderr.strip().splitlines()[0] if p.stderr.strip() else "failed"}')
        ok = False
      objs.append(obj)
    if not ok:
      continue
    link = ['g++' if cxx else 'gcc', '-shared', '-o', dst] + objs + (['-lstdc++'] if cxx else [])
    p = subprocess.run(link, capture_output=True, text=True)
    if p.returncode != 0:
      errors.append(f'link {name}: {p.stderr.strip()[:200]}')
  return errors


def tests_of(root, only):
  out = []
  for g in GROUPS:
    gdir = os.path.join(root, 'test', g)
    for d in sorted(os.listdir(gdir)):
      full = os.path.join(gdir, d)
      if not os.path.isfile(os.path.join(full, 'binding.gyp')):
        continue
      for f in sorted(os.listdir(full)):
        if f.startswith('test') and f.endswith('.js'):
          rel = f'test/{g}/{d}/{f}'
          if not only or any(fnmatch.fnmatch(rel, o) or fnmatch.fnmatch(f'{g}/{d}', o) for o in only):
            out.append((full, rel))
  return out


def run_tests(root, cases, argv0, env, timeout, jobs):
  def one(case):
    full, rel = case
    e = dict(env, TEST_THREAD_ID=str(conformance.thread_id()))
    flags = conformance.flags_of(os.path.join(root, rel))
    return rel, conformance.run_one(argv0 + flags + [rel], root, e, timeout)
  with cf.ThreadPoolExecutor(jobs) as ex:
    return dict(ex.map(one, cases))


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument('--suite', default=os.path.join(REPO, '.deps', 'node-tests'))
  ap.add_argument('--fe', default=os.path.join(REPO, '.build', 'debug', 'fe'))
  ap.add_argument('--node', default='node')
  ap.add_argument('--dest', default=os.path.join(REPO, '.build', 'napi-tests'))
  ap.add_argument('--jobs', type=int, default=2)
  ap.add_argument('--timeout', type=int, default=60)
  ap.add_argument('--only', action='append')
  ap.add_argument('--smoke')
  ap.add_argument('--no-node', action='store_true')
  a = ap.parse_args()

  root = copy_suite(os.path.abspath(a.suite), a.dest)
  only = a.only
  if a.smoke:
    with open(a.smoke) as f:
      only = [l.strip() for l in f if l.strip() and not l.startswith('#')]
  cases = tests_of(root, only)
  build_errors = {}
  for d in sorted({c[0] for c in cases}):
    errs = build(d)
    if errs:
      build_errors[d] = errs
  env = conformance.base_env()
  fe = run_tests(root, cases, [os.path.abspath(a.fe), 'blobs', 'run'], env, a.timeout, a.jobs)
  if a.smoke:
    failed = [r for r, x in fe.items() if x['status'] != 'pass']
    for r in sorted(failed):
      print(f"fail {r}  {fe[r]['why'][:200]}")
    print(f'{len(fe) - len(failed)} passed, {len(failed)} failed')
    sys.exit(1 if failed else 0)
  node = {} if a.no_node else run_tests(root, cases, [a.node], env, a.timeout, a.jobs)
  for rel in sorted(fe):
    n = node.get(rel, {}).get('status', '-')
    print(f"{fe[rel]['status']:8} node:{n:8} {rel}  {fe[rel]['why'][:160]}", flush=True)
  if only:
    return
  write_report(root, cases, fe, node, build_errors, a)


def write_report(root, cases, fe, node, build_errors, a):
  node_pass = [r for r in sorted(fe) if node.get(r, {}).get('status') == 'pass']
  both = [r for r in node_pass if fe[r]['status'] == 'pass']
  fe_only = [r for r in sorted(fe) if fe[r]['status'] == 'pass' and r not in node_pass]
  pct = 100.0 * len(both) / max(1, len(node_pass))
  nv = subprocess.run([a.node, '--version'], capture_output=True, text=True).stdout.strip()
  lines = ['# Node-API: Node 18.20.4\'s own addon tests under fe and node', '',
           f'Measured {datetime.date.today().isoformat()} by `tools/napi-tests/run.py` (`make napi-tests`).', '',
           f'**fe passes {len(both)} of the {len(node_pass)} tests node {nv} passes ({pct:.0f}%)**; '
           f'{len(fe)} test files in test/js-native-api and test/node-api.', '',
           '## Method', '',
           '- Each addon is compiled with gcc/g++ against libnode-dev\'s `js_native_api.h`/`node_api.h` '
           '(Node 18.20.4) into `build/Release/<target>.node`, the layout test/common expects; the same '
           '`.node` files are loaded by both runtimes.',
           '- Each `test*.js` runs as Node\'s tools/test.py runs it (`<binary> <// Flags:> test/<group>/<dir>/<file>`, '
           'cwd = the suite root, NODE_SKIP_FLAG_CHECK=1); fe as `fe blobs run`. Pass = exit status 0.',
           '']
  if build_errors:
    lines += ['## Build failures', '']
    for d, errs in build_errors.items():
      lines.append(f'- `{os.path.relpath(d, root)}`: ' + '; '.join(errs))
    lines.append('')
  lines += ['## Results', '', '| test | node | fe | fe\'s first error (failures) |', '|---|---|---|---|']
  for r in sorted(fe):
    f = fe[r]
    why = ''
    if f['status'] != 'pass':
      key = r.split('/', 1)[1]
      why = REASONS.get(key, '') or f['why']
      why = why.replace('|', '\\|')[:240]
    lines.append(f"| `{r[len('test/'):]}` | {node.get(r, {}).get('status', '-')} | {f['status']} | {why} |")
  lines.append('')
  if fe_only:
    lines += [f'Passing under fe but not node: {", ".join(fe_only)}', '']
  os.makedirs(os.path.join(REPO, 'bench', 'results'), exist_ok=True)
  with open(os.path.join(REPO, 'bench', 'results', 'node-api.md'), 'w') as f:
    f.write('\n'.join(lines))
  with open(os.path.join(HERE, 'passing.txt'), 'w') as f:
    f.write('\n'.join(r for r in sorted(fe) if fe[r]['status'] == 'pass') + '\n')
  print(f'fe {len(both)}/{len(node_pass)} of node\'s passes ({pct:.0f}%)')


if __name__ == '__main__':
  main()
