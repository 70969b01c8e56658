"""Build the sdist once, check what it carries, then install it the way users
do and run the test suite from the unpacked sdist (``python -m tox -e sdist``).

Each interpreter gets a throwaway virtualenv with the pip a user of that
Python has, and ``pip install httplib_compat-X.tar.gz`` builds a wheel from
the sdist in pip's isolated build environment, with the setuptools that pip
picks for that Python (44 on 2.7, 59 on 3.6, the newest elsewhere).  The
tests then run from the unpacked sdist against the installed package, as a
distribution packager runs them.

Default interpreters: CPython 2.7.18 with pip 19.2.3 (what ``ensurepip``
bundles in 2.7.18), 3.6.15 with pip 21.3.1 (the last pip for 3.6; the 18.1
that 3.6.15 bundles predates the build isolation this package needs), and
the newest CPython of the matrix with current pip.  ``--all`` adds every
other interpreter of the matrix (installs only); ``--from-tree`` installs a
clone of the checkout (``pip install .``) instead of the sdist.

The tests: by default every test module except the load and fuzz tests.
What can break only here is a file missing from the sdist, a wheel that an
old setuptools builds differently, or the source tree shadowing the
installed package; every test that reads a shipped file runs, the installed
package is compared file by file with the sdist's, and its import location
is checked.  The load and fuzz tests read nothing from the sdist and would
only repeat, on the same interpreters and the same code, what the matrix
environments run (they are a third of the suite's time).  ``--full`` runs
them too, ``--no-tests`` none.

Standard library only; run it with a Python 3 that has ``build`` and
``virtualenv<20.22`` (the last virtualenv that creates 2.7 environments).
"""
from __future__ import print_function

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYENV_ROOT = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
NEWEST = 'python3.15'
# What tox.ini's [testenv] installs next to the package.  hypothesis drives the fuzz
# tests and the warning-filter tests (Python 3 only: on 2.7 the subset needs pytest alone).
TEST_DEPS = {'subset': ['pytest', 'hypothesis'], 'full': ['pytest', 'hypothesis']}
TEST_DEPS_27 = {'subset': ['pytest'], 'full': ['pytest', 'hypothesis']}
# See the module docstring: tests that read no shipped file and repeat the matrix.
NOT_IN_SUBSET = ['tests/test_hardening_load.py', 'tests/test_hardening_fuzz.py']

# Directories and suffixes that are the machine's or a build's, never the project's.
FOREIGN_DIRS = {'.git', '.tox', '.nox', '__pycache__', '.pytest_cache', '.hypothesis',
                '.mypy_cache', '.ruff_cache', 'build', 'dist', '_build', '.ci-venv', '.venv'}
FOREIGN_SUFFIXES = ('.pyc', '.pyo', '.so', '.orig', '.rej', '~')
# Tracked files that are the repository's own machinery, not the project's.
NOT_SHIPPED = re.compile(r'^(\.ci/|\.[^/]+$)')
# Files the sdist format adds itself.
SDIST_OWN = re.compile(r'^(PKG-INFO|[^/]+\.egg-info/.*)$')


def pyenv(version):
    return os.path.join(PYENV_ROOT, 'versions', version, 'bin', 'python')


def default_targets():
    return [('2.7', os.environ.get('HTTPLIB_COMPAT_PY27') or pyenv('2.7.18'), 'ensurepip'),
            ('3.6', pyenv('3.6.15'), '21.3.1'),
            (NEWEST[len('python'):], shutil.which(NEWEST), 'download')]


def other_targets():
    found = []
    for path in sorted(glob.glob(os.path.join(PYENV_ROOT, 'versions', '3.*', 'bin', 'python'))):
        minor = '.'.join(path.split(os.sep)[-3].split('.')[:2])
        if minor not in ('3.6',):
            found.append((minor, path, 'upgrade'))
    found.append(('3.14', shutil.which('python3.14'), 'download'))
    found.append(('pypy3', shutil.which('pypy3'), 'upgrade'))
    return sorted(found, key=lambda t: [int(p) if p.isdigit() else 0 for p in t[0].split('.')])


def run(cmd, cwd=None, env=None):
    """Run cmd; return (seconds, output); raise with the output on failure."""
    start = time.time()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = proc.communicate()[0].decode('utf-8', 'replace')
    if proc.returncode:
        raise SystemExit('FAILED (exit %d): %s\n%s' % (proc.returncode, ' '.join(cmd), out))
    return time.time() - start, out


def build_sdist(outdir):
    seconds, _ = run([sys.executable, '-m', 'build', '--sdist', '--outdir', outdir, ROOT])
    (sdist,) = glob.glob(os.path.join(outdir, '*.tar.gz'))
    print('built %s in %.1f s' % (os.path.basename(sdist), seconds))
    return sdist


def tracked_files():
    """The files git tracks (None outside a git checkout, e.g. in an unpacked sdist)."""
    if not os.path.exists(os.path.join(ROOT, '.git')):
        return None
    out = subprocess.check_output(['git', 'ls-files', '-z'], cwd=ROOT)
    return set(out.decode('utf-8').split('\0')) - {''}


def check_contents(sdist):
    with tarfile.open(sdist) as tar:
        names = [m.name.split('/', 1)[1] for m in tar.getmembers() if m.isfile()]
    problems = ['%s: machine or build output' % n for n in names
                if FOREIGN_DIRS.intersection(n.split('/')[:-1]) or n.endswith(FOREIGN_SUFFIXES)]
    tracked = tracked_files()
    if tracked is None:
        print('no git checkout: the contents are checked for build output only')
    else:
        shipped = set(names)
        problems += ['%s: tracked but missing from the sdist' % n for n in sorted(tracked)
                     if not NOT_SHIPPED.match(n) and n not in shipped]
        problems += ['%s: in the sdist but not tracked by git' % n for n in sorted(shipped)
                     if n not in tracked and not SDIST_OWN.match(n)]
    if problems:
        raise SystemExit('sdist contents:\n  ' + '\n  '.join(problems))
    print('contents: %d files, every tracked file of the project and nothing else' % len(names))


def make_venv(python, pip, where):
    """A virtualenv for python with the requested pip: 'ensurepip' (the one the
    interpreter bundles), a version, 'upgrade' (virtualenv's, then the newest
    pip for that Python) or 'download' (the newest pip, fetched by virtualenv:
    for Pythons newer than any pip virtualenv bundles).  Returns (python, pip version)."""
    cmd = [sys.executable, '-m', 'virtualenv', '--quiet', '-p', python, where]
    # Only pip: pip builds the sdist with the setuptools it installs in its
    # isolated build environment.  2.7's ensurepip also installs its setuptools.
    cmd += ['--no-setuptools', '--no-wheel']
    if pip == 'ensurepip':
        cmd += ['--no-pip']
    elif pip == 'download':
        cmd += ['--download']
    elif pip != 'upgrade':
        cmd += ['--pip', pip]
    run(cmd)
    venv_python = os.path.join(where, 'bin', 'python')
    if pip == 'ensurepip':
        run([venv_python, '-m', 'ensurepip'])
    elif pip == 'upgrade':
        run([venv_python, '-m', 'pip', 'install', '--upgrade', 'pip'])
    version = run([venv_python, '-m', 'pip', '--version'])[1].split()[1]
    if pip[0].isdigit() and version != pip:
        raise SystemExit('%s: wanted pip %s, got %s' % (python, pip, version))
    return venv_python, version


def package_files(folder):
    """{relative path: bytes} of a package folder, without bytecode."""
    files = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != '__pycache__']
        for name in filenames:
            if not name.endswith(FOREIGN_SUFFIXES):
                path = os.path.join(dirpath, name)
                with open(path, 'rb') as f:
                    files[os.path.relpath(path, folder)] = f.read()
    return files


def check_installed(label, venv_python, srcdir):
    """The installed package is the sdist's, file for file, and is what imports."""
    # From a neutral directory, so that no source tree shadows the installed package.
    code = 'import httplib_compat, sys; sys.stdout.write(httplib_compat.__file__)'
    where = os.path.dirname(run([venv_python, '-c', code], cwd=tempfile.gettempdir())[1].strip())
    if 'site-packages' not in where:
        raise SystemExit('%s: httplib_compat imported from %s, not the installed copy' % (label, where))
    installed, shipped = package_files(where), package_files(os.path.join(srcdir, 'httplib_compat'))
    if installed != shipped:
        differ = sorted(n for n in set(installed) | set(shipped) if installed.get(n) != shipped.get(n))
        raise SystemExit('%s: the installed package differs from the sdist: %s' % (label, differ))


def check_one(label, python, pip, target, workdir, srcdir, tests):
    if not python or not os.path.exists(python):
        raise SystemExit('missing interpreter for %s: %s' % (label, python))
    start = time.time()
    venv_python, pip_version = make_venv(python, pip, os.path.join(workdir, 'venv-' + label))
    venv_seconds = time.time() - start
    seconds, out = run([venv_python, '-m', 'pip', 'install', '-v', target])
    built_with = sorted(set(re.findall(r'Successfully installed .*?(setuptools-[\w.]+)', out)))
    check_installed(label, venv_python, srcdir)
    line = '%-6s pip %-7s built with %-18s venv %4.1f s, install %4.1f s' % (
        label, pip_version, ', '.join(built_with) or '(no isolated build)', venv_seconds, seconds)
    if tests != 'none':
        deps = (TEST_DEPS_27 if label == '2.7' else TEST_DEPS)[tests]
        seconds = run([venv_python, '-m', 'pip', 'install', '--quiet'] + deps)[0]
        line += ', test deps %4.1f s' % seconds
        env = dict(os.environ)
        env.pop('PYTHONPATH', None)
        # The pytest script, not `python -m pytest`: the current directory (the
        # unpacked sdist) must not shadow the installed package.
        cmd = [os.path.join(os.path.dirname(venv_python), 'pytest'), '-q', '-p', 'no:cacheprovider', 'tests']
        if tests == 'subset':
            cmd += ['--ignore=' + name for name in NOT_IN_SUBSET]
        seconds, out = run(cmd, cwd=srcdir, env=env)
        summary = [s for s in out.splitlines() if ' passed' in s or ' failed' in s][-1:]
        line += '  tests (%s) %4.1f s: %s' % (tests, seconds, ''.join(summary).strip('= '))
    print('%s  [%.0f s in all]' % (line, time.time() - start))
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--workdir', help='where to build, unpack and create the venvs '
                        '(default: a temporary directory, removed afterwards)')
    parser.add_argument('--all', action='store_true',
                        help='also install on every other interpreter of the matrix (no tests there)')
    tests = parser.add_mutually_exclusive_group()
    tests.add_argument('--full', dest='tests', action='store_const', const='full', default='subset',
                       help='run the whole test suite (default: all but the load and fuzz tests)')
    tests.add_argument('--no-tests', dest='tests', action='store_const', const='none',
                       help='install only')
    parser.add_argument('--jobs', type=int, default=3,
                        help='interpreters checked at the same time (default 3: the steps '
                        'mostly wait on the network, subprocesses and sockets)')
    parser.add_argument('--from-tree', action='store_true',
                        help='pip install a clone of the checkout instead of the sdist')
    args = parser.parse_args()

    workdir = args.workdir or tempfile.mkdtemp(prefix='check-sdist-')
    if os.path.exists(workdir):
        shutil.rmtree(workdir)
    os.makedirs(workdir)
    try:
        sdist = build_sdist(os.path.join(workdir, 'dist'))
        check_contents(sdist)
        with tarfile.open(sdist) as tar:
            safe = {'filter': 'data'} if hasattr(tarfile, 'data_filter') else {}
            tar.extractall(os.path.join(workdir, 'unpacked'), **safe)
        (srcdir,) = glob.glob(os.path.join(workdir, 'unpacked', '*'))
        target = sdist
        if args.from_tree:
            target = os.path.join(workdir, 'clone')
            run(['git', 'clone', '--quiet', ROOT, target])
        targets = [t + (args.tests,) for t in default_targets()]
        if args.all:
            targets += [t + ('none',) for t in other_targets()]
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(check_one, label, python, pip, target, workdir, srcdir, tests)
                       for label, python, pip, tests in targets]
        failures = []
        for future in futures:
            try:
                future.result()
            except SystemExit as failure:
                failures.append(str(failure))
        if failures:
            raise SystemExit('\n\n'.join(failures))
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    main()
