"""Mutation testing of httplib_compat with cosmic-ray (``tox -e mutation``).

Usage: python tests/tools/mutation.py [--workdir DIR] [--rejudge] [--all | MODULE ...]

MODULE is a file name under httplib_compat/ (``_warnings.py``); the default is
DEFAULT_MODULES; ``--all`` runs every module in SELECTION, which names each module
that has code to mutate (__main__.py and exceptions.py have none).
The tree (package, tests, setup.cfg) is copied to DIR/tree first: cosmic-ray
writes each mutant into the source file it mutates, so it
never touches the checkout, and the copy is the only httplib_compat on the path
(the tox environment does not install the package).  ``--rejudge`` runs only
the survivors of the last session again, with the current tests.

A survivor listed in mutation_equivalent.txt (beside this file: the module,
the source line, the mutated line, and why no test can tell them apart) is
reported as equivalent; the score is killed / (total - equivalent).

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
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_WHOLE_SUITE = ['tests', '--ignore=tests/test_hardening_load.py',
                '--ignore=tests/test_benchmark.py', '--ignore=tests/test_hardening_fuzz.py']

# Every module compiles without a SyntaxWarning (an `is` with a literal): 50 ms.
_COMPILES = 'tests/test_package.py::test_every_module_parses_on_this_interpreter'
# Module -> the tests that judge its mutants (test_adapter_pins_* pin behaviour across modules).
SELECTION = {
    '_warnings.py': [_COMPILES, 'tests/test_adapter_pins_warnings.py',
                     'tests/test_adapter_warning_filters.py', 'tests/test_adapter_warnings.py',
                     'tests/test_adapter_report.py'],
    'report.py': [_COMPILES, 'tests/test_adapter_report.py'],
    'native.py': [_COMPILES, 'tests/test_adapter_native.py', 'tests/test_adapter_pins_native.py',
                  'tests/test_install.py', 'tests/test_adapter_pins_response.py',
                  'tests/py27/test_cmp_response.py', 'tests/test_adapter_warnings.py'],
    '_install.py': [_COMPILES, 'tests/test_install.py',
                    'tests/test_adapter_native.py'
                    '::test_uninstall_leaves_a_native_face_the_user_imported'],
    'legacy.py': [_COMPILES, 'tests/test_adapter_legacy.py', 'tests/py27/test_cmp_pins_legacy.py',
                  'tests/py27/test_cmp_legacy.py', 'tests/py27/test_cmp_error_texts.py',
                  'tests/test_adapter_native.py', 'tests/test_adapter_pins_native.py',
                  'tests/test_adapter_warnings.py', 'tests/test_hardening_tls.py'],
    'constants.py': [_COMPILES, 'tests/test_adapter_constants.py', 'tests/py27/test_cmp_module.py'],
    '_py2text.py': [_COMPILES, 'tests/test_adapter_response_bounds.py',
                    'tests/test_adapter_message_parse.py', 'tests/py27/test_cmp_response.py',
                    'tests/py27/test_cmp_message.py'],
    '_internals.py': [_COMPILES, 'tests/test_adapter_internals.py',
                      'tests/test_adapter_response_bounds.py', 'tests/test_adapter_connection.py'
                      '::test_send_raises_http_client_audit_event_where_http_client_does',
                      'tests/test_adapter_message.py', 'tests/test_adapter_response.py'],
    'pytest_plugin.py': [_COMPILES, 'tests/test_adapter_report.py'
                         '::test_a_test_path_taken_as_the_report_path_is_refused_not_overwritten',
                         'tests/test_adapter_report.py'
                         '::test_a_report_path_in_no_directory_is_refused_before_the_tests_run',
                         'tests/test_adapter_report.py'
                         '::test_the_report_is_written_once_at_the_end_of_the_session',
                         'tests/test_adapter_report.py'
                         '::test_plugin_counts_a_use_that_raises_and_needs_no_path',
                         'tests/test_adapter_report.py'
                         '::test_plugin_on_python27_xmlrpclib_then_one_call_site_moved_to_the_idiom',
                         'tests/test_adapter_report.py::test_the_plugin_is_loaded_only_on_request'],
    'response.py': [_COMPILES, 'tests/test_adapter_pins_response.py', 'tests/test_hardening_strict.py',
                    'tests/test_adapter_response_bounds.py', 'tests/test_adapter_response.py',
                    'tests/test_adapter_pins_native.py', 'tests/test_adapter_native.py',
                    'tests/py27/test_cmp_error_texts.py', 'tests/py27/test_cmp_response.py',
                    'tests/py27/test_cmp_corpus.py', 'tests/py27/test_cmp_legacy.py',
                    'tests/py27/test_cmp_module.py', 'tests/test_adapter_warnings.py'],
    'connection.py': [_COMPILES, 'tests/test_hardening_injection.py', 'tests/test_hardening_strict.py',
                      'tests/test_adapter_legacy.py', 'tests/py27/test_cmp_error_texts.py',
                      'tests/py27/test_cmp_request.py', 'tests/py27/test_cmp_connection.py',
                      'tests/test_adapter_connection.py', 'tests/test_adapter_response_bounds.py',
                      'tests/test_adapter_warnings.py', 'tests/test_adapter_native.py',
                      'tests/py27/test_cmp_legacy.py', 'tests/test_hardening_tls.py'],
    'message.py': ['tests/test_adapter_message.py', 'tests/test_adapter_message_parse.py',
                   'tests/py27/test_cmp_message.py', 'tests/test_adapter_pins_warnings.py',
                   'tests/test_adapter_response_bounds.py', 'tests/py27/test_cmp_corpus.py'],
    '_demo.py': ['tests/test_demo.py'],
    '__init__.py': ['tests/test_package.py', 'tests/test_install.py',
                    'tests/test_adapter_constants.py', 'tests/py27/test_cmp_module.py'],
}
DEFAULT_MODULES = ['_warnings.py', 'native.py']
# Tests that fail on the unmutated package (bugs reported, not yet fixed): a
# mutant cannot be judged by a test that already fails, so they sit out.
# Tests that fail on main for a known, reported bug sit out by node id (none now).
KNOWN_FAILING = []
# Seconds per mutant: this many times the unmutated run, at least MIN_TIMEOUT;
# a mutant still running then (an endless loop) counts as killed.
TIMEOUT_FACTOR, MIN_TIMEOUT = 4, 20.0


EQUIVALENT_LIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'mutation_equivalent.txt')


def copy_tree(tree):
    if os.path.exists(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    ignore = shutil.ignore_patterns('__pycache__', '*.pyc', '.pytest_cache')
    for name in ('httplib_compat', 'tests'):
        shutil.copytree(os.path.join(ROOT, name), os.path.join(tree, name), ignore=ignore)
    for name in ('setup.cfg', 'pyproject.toml'):
        shutil.copy(os.path.join(ROOT, name), tree)


def config_text(module, tests, tree, timeout):
    # A selected test file (or node id) that this checkout lacks is left out (pytest would stop).
    tests = [t for t in tests
             if t.startswith('-') or os.path.exists(os.path.join(tree, t.split('::')[0]))]
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


def changed_lines(diff):
    """The (removed, added) source line of a one-line mutant's diff, stripped."""
    lines = diff.splitlines()
    removed = [line[1:].strip() for line in lines if line[:1] == '-' and line[:3] != '---']
    added = [line[1:].strip() for line in lines if line[:1] == '+' and line[:3] != '+++']
    # (a mutant of a file's last line also shows the empty line after it)
    return ' '.join(filter(None, removed)), ' '.join(filter(None, added))


def equivalent_mutants():
    """{(module, removed line, added line): reason} from mutation_equivalent.txt."""
    table = {}
    with open(EQUIVALENT_LIST) as lines:
        for line in lines:
            if line.strip() and not line.startswith('#'):
                # A ' | ' inside a source line is written ' \| ' there.
                fields = re.split(r'(?<!\\) \| ', line)
                module, removed, added, reason = [f.replace('\\|', '|').strip() for f in fields]
                table[module, removed, added] = reason
    return table


def run_module(module, workdir, tree, rejudge):
    """(killed, total, survivors) for one module; ``rejudge`` runs again only
    the survivors of the last session, if the module's source is unchanged."""
    stem = module[:-3].lstrip('_')
    config = os.path.join(workdir, 'cr-%s.toml' % stem)
    session = os.path.join(workdir, 'cr-%s.sqlite' % stem)
    with open(os.path.join(tree, 'httplib_compat', module), 'rb') as source:
        digest = hashlib.sha256(source.read()).hexdigest()
    try:
        with open(session + '.source') as recorded:
            rejudge = rejudge and recorded.read() == digest
    except IOError:
        rejudge = False
    with open(config, 'w') as out:
        out.write(config_text(module, SELECTION[module], tree, 3600))
    started = time.time()
    cosmic_ray('baseline', config, cwd=tree)  # the unmutated selection must pass
    timeout = max(MIN_TIMEOUT, TIMEOUT_FACTOR * (time.time() - started))
    with open(config, 'w') as out:
        out.write(config_text(module, SELECTION[module], tree, timeout))
    if rejudge:
        db = sqlite3.connect(session)
        db.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")
        db.commit()
        db.close()
    else:
        if os.path.exists(session):
            os.remove(session)
        cosmic_ray('init', config, session, cwd=tree)
        with open(session + '.source', 'w') as recorded:
            recorded.write(digest)
    cosmic_ray('exec', config, session, cwd=tree)
    killed, survivors, total = 0, [], 0
    for line in cosmic_ray('dump', session, cwd=tree).decode('utf-8').splitlines():
        item, result = json.loads(line)
        total += 1
        if result is not None and result.get('test_outcome') in ('killed', 'incompetent'):
            killed += 1
        else:
            survivors.append((item, result))
    return killed, total, survivors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--workdir', default=os.path.join(ROOT, '.tox', 'mutation-work'),
                        help='sessions are kept here, the copied tree in its tree/')
    parser.add_argument('--rejudge', action='store_true',
                        help="run only the last session's survivors again (e.g. after adding "
                             'tests), for each module whose source has not changed since')
    parser.add_argument('--all', action='store_true',
                        help='every module of the package (hours on two cores)')
    parser.add_argument('modules', nargs='*', default=DEFAULT_MODULES)
    args = parser.parse_args(argv)
    if args.all:
        args.modules = sorted(SELECTION)
    tree = os.path.join(args.workdir, 'tree')
    copy_tree(tree)
    os.environ['PYTHONPATH'] = tree  # subprocess tests import the mutated copy too
    os.environ['PYTHONDONTWRITEBYTECODE'] = '1'
    equivalent = equivalent_mutants()
    summary = []
    for module in args.modules:
        killed, total, survivors = run_module(module, args.workdir, tree, args.rejudge)
        known = 0
        for item, result in survivors:
            mutation = item['mutations'][0]
            removed, added = changed_lines(result['diff']) if result else ('', '')
            reason = equivalent.get((module, removed, added))
            if reason is not None:
                known += 1
                print('equivalent %s:%d %s => %s (%s)' % (
                    module, mutation['start_pos'][0], removed, added, reason))
                continue
            print('SURVIVED %s:%d %s (%s)' % (module, mutation['start_pos'][0],
                                              mutation['operator_name'],
                                              mutation['definition_name']))
            if result and result.get('diff'):
                print(result['diff'])
        summary.append((module, killed, total, known))
        sys.stdout.flush()
    print('\nmodule           killed / total  equivalent  killed / non-equivalent')
    for module, killed, total, known in summary:
        print('%-16s %6d / %-5d  %10d  %5.1f %%' % (
            module, killed, total, known,
            100.0 * killed / (total - known) if total > known else 100.0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
