"""Mutation testing of httplib_compat with cosmic-ray (``tox -e mutation``).

Usage: python tests/tools/mutation.py [--workdir DIR] [MODULE ...]

MODULE is a file name under httplib_compat/ (``_warnings.py``); the default is
every module listed in SELECTION.  The tree (package, tests, setup.cfg) is copied
to DIR first: cosmic-ray writes each mutant into the source file it mutates, so
it never touches the checkout, and the copy is the only httplib_compat on the
path (the tox environment does not install the package).

Each mutant is judged by the tests in SELECTION for its module, run with
``pytest -x`` (the first failure kills it).  Left out everywhere, as they add
little per mutant and cost much: tests/test_hardening_load.py (threads, timed
keep-alive loops), tests/test_benchmark.py (runs the benchmark in a subprocess)
and tests/test_hardening_fuzz.py (hypothesis: random inputs make a mutant's
fate vary from run to run).  The 2.7 comparisons (tests/py27) are in every
selection that involves the modules they drive; with HTTPLIB_COMPAT_REQUIRE_PY27
set (the tox environment sets it) a missing 2.7 fails the baseline instead of
skipping them.

cosmic-ray is chosen over mutmut 3: mutmut 3 runs every mutated function
through a trampoline, two extra stack frames, which moves the caller that a
``Py2CompatWarning`` (stacklevel) and ``_from_package()`` (sys._getframe)
designate, so the unmutated suite already fails under it.  cosmic-ray mutates
the source text itself and runs the tests in a fresh interpreter per mutant.
"""
from __future__ import print_function

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_WHOLE_SUITE = ['tests', '--ignore=tests/test_hardening_load.py',
                '--ignore=tests/test_benchmark.py', '--ignore=tests/test_hardening_fuzz.py']

# Module -> the tests that judge its mutants (test_adapter_pins_* pin behaviour across modules).
SELECTION = {
    '_warnings.py': ['tests/test_adapter_warnings.py', 'tests/test_adapter_pins_warnings.py'],
    'native.py': ['tests/test_adapter_native.py', 'tests/test_install.py',
                  'tests/test_adapter_pins_native.py', 'tests/test_adapter_pins_response.py',
                  'tests/test_adapter_warnings.py'],
    '_install.py': ['tests/test_install.py'],
    'legacy.py': ['tests/test_adapter_legacy.py', 'tests/py27/test_cmp_legacy.py',
                  'tests/py27/test_cmp_error_texts.py', 'tests/test_adapter_native.py',
                  'tests/test_adapter_pins_native.py', 'tests/test_adapter_warnings.py',
                  'tests/test_hardening_tls.py'],
    'response.py': _WHOLE_SUITE,
    'connection.py': _WHOLE_SUITE,
    'message.py': _WHOLE_SUITE,
}
DEFAULT_MODULES = ['_warnings.py', 'native.py']
# Tests that fail on the unmutated package (bugs reported, not yet fixed): a
# mutant cannot be judged by a test that already fails, so they sit out.
KNOWN_FAILING = [
    'tests/test_adapter_pins_response.py::test_negative_first_chunk_size_fails_for_readline',
    'tests/test_adapter_pins_native.py::test_readline_on_a_body_cut_before_a_size_line_raises',
] + ['tests/test_adapter_pins_native.py::test_readlines_hint_matches_the_default_face[%d-%s]' % case
      for case in [(4, 'chunked'), (4, 'content-length'), (9, 'chunked'), (9, 'content-length'),
                   (10, 'chunked'), (10, 'content-length')]]
# Seconds per mutant: this many times the unmutated run, at least MIN_TIMEOUT;
# a mutant still running then (an endless loop) counts as killed.
TIMEOUT_FACTOR, MIN_TIMEOUT = 4, 20.0


def copy_tree(workdir):
    if os.path.exists(workdir):
        shutil.rmtree(workdir)
    os.makedirs(workdir)
    ignore = shutil.ignore_patterns('__pycache__', '*.pyc', '.pytest_cache')
    for name in ('httplib_compat', 'tests'):
        shutil.copytree(os.path.join(ROOT, name), os.path.join(workdir, name), ignore=ignore)
    for name in ('setup.cfg', 'pyproject.toml'):
        shutil.copy(os.path.join(ROOT, name), workdir)


def config_text(module, tests, workdir, timeout):
    # A selected test file that this checkout lacks is left out (pytest would stop).
    tests = [t for t in tests if t.startswith('-') or os.path.exists(os.path.join(workdir, t))]
    command = [sys.executable, '-m', 'pytest', '-x', '-q', '-p', 'no:cacheprovider'] + tests
    command += ['--deselect=' + node for node in KNOWN_FAILING]
    return '\n'.join([
        '[cosmic-ray]',
        'module-path = %s' % json.dumps('httplib_compat/' + module),
        'timeout = %.1f' % timeout,
        'excluded-modules = []',
        'test-command = %s' % json.dumps(' '.join(command)),
        '[cosmic-ray.distributor]',
        'name = "local"',
        ''])


def cosmic_ray(*args, **kwargs):
    tool = os.path.join(os.path.dirname(sys.executable), 'cosmic-ray')
    return subprocess.check_output([tool] + list(args), **kwargs)


def run_module(module, workdir):
    stem = module[:-3].lstrip('_')
    config = os.path.join(workdir, 'cr-%s.toml' % stem)
    session = os.path.join(workdir, 'cr-%s.sqlite' % stem)
    with open(config, 'w') as out:
        out.write(config_text(module, SELECTION[module], workdir, 3600))
    if os.path.exists(session):
        os.remove(session)
    started = time.time()
    cosmic_ray('baseline', config, cwd=workdir)  # the unmutated selection must pass
    timeout = max(MIN_TIMEOUT, TIMEOUT_FACTOR * (time.time() - started))
    with open(config, 'w') as out:
        out.write(config_text(module, SELECTION[module], workdir, timeout))
    cosmic_ray('init', config, session, cwd=workdir)
    cosmic_ray('exec', config, session, cwd=workdir)
    killed, survivors, total = 0, [], 0
    for line in cosmic_ray('dump', session, cwd=workdir).decode('utf-8').splitlines():
        item, result = json.loads(line)
        total += 1
        if result is not None and result.get('test_outcome') in ('killed', 'incompetent'):
            killed += 1
        else:
            survivors.append((item, result))
    return killed, total, survivors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workdir', default=os.path.join(ROOT, '.tox', 'mutation-tree'))
    parser.add_argument('modules', nargs='*', default=DEFAULT_MODULES)
    args = parser.parse_args(argv)
    copy_tree(args.workdir)
    os.environ['PYTHONPATH'] = args.workdir  # subprocess tests import the mutated copy too
    os.environ['PYTHONDONTWRITEBYTECODE'] = '1'
    summary = []
    for module in args.modules:
        killed, total, survivors = run_module(module, args.workdir)
        summary.append((module, killed, total))
        for item, result in survivors:
            mutation = item['mutations'][0]
            print('SURVIVED %s:%d %s (%s)' % (module, mutation['start_pos'][0],
                                              mutation['operator_name'],
                                              mutation['definition_name']))
            if result and result.get('diff'):
                print(result['diff'])
        sys.stdout.flush()
    print('\nmodule            killed / total')
    for module, killed, total in summary:
        print('%-16s %6d / %-5d %5.1f %%' % (module, killed, total,
                                               100.0 * killed / total if total else 100.0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
