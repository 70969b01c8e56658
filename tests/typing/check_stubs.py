"""Run by tox's `typing` environment: the stubs list every Python-2-only use.

- mypy --enable-error-code deprecated over py27_caller.py reports exactly the
  lines marked `# py2` (and nothing else); over py3_caller.py, nothing;
  over py27_caller_errors.py, exactly the lines marked `# E:`.
- pyright with reportDeprecated (pyrightconfig.json) reports the same `# py2`
  lines and nothing else; over py3_caller.py, nothing.
- Each @deprecated message in the stubs is the text of a runtime
  Py2CompatWarning, and each warn_py2() call of the package has its stub.
"""
from __future__ import print_function

import ast
import json
import os
import re
import subprocess
import sys

from mypy import api

import httplib_compat
from httplib_compat._warnings import warning_text

HERE = os.path.dirname(os.path.abspath(__file__))
MYPY_OPTIONS = ['--check-untyped-defs', '--no-incremental', '--show-error-codes',
                '--no-error-summary', '--hide-error-context',
                '--enable-error-code', 'deprecated']
PY2_MARK = re.compile(r'#\s*py2\s*$')
ERROR_MARK = re.compile(r'#\s*E:')


def marked_lines(name, mark):
    with open(os.path.join(HERE, name)) as f:
        return set(i for i, line in enumerate(f, 1) if mark.search(line.rstrip('\n')))


def mypy_reports(name):
    """{line: [error codes]} and the raw output."""
    out, err, _ = api.run(MYPY_OPTIONS + [os.path.join(HERE, name)])
    reports = {}
    for line in out.splitlines():
        match = re.match(r'.*?:(\d+): error: .*\[([a-z-]+)\]$', line)
        if match:
            reports.setdefault(int(match.group(1)), []).append(match.group(2))
        elif ': error:' in line:
            reports.setdefault(int(re.match(r'.*?:(\d+):', line).group(1)), []).append('?')
    return reports, out + err


def pyright_reports(name):
    """{line: [rules]} of pyright's errors (pyrightconfig.json), and the raw output."""
    proc = subprocess.Popen([sys.executable, '-m', 'pyright', '--outputjson', '-p',
                             os.path.join(HERE, 'pyrightconfig.json'), os.path.join(HERE, name)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    try:
        diagnostics = json.loads(out.decode('utf-8'))['generalDiagnostics']
    except (ValueError, KeyError):
        raise SystemExit('pyright failed to run:\n%s%s' % (out.decode(), err.decode()))
    reports = {}
    for diagnostic in diagnostics:
        if diagnostic['severity'] == 'error':
            line = diagnostic['range']['start']['line'] + 1
            reports.setdefault(line, []).append(diagnostic.get('rule', '?'))
    return reports, json.dumps(diagnostics, indent=1)


def deprecated_lines(reports, code):
    return set(line for line, codes in reports.items() if code in codes)


def other_reports(reports, code):
    return dict((line, codes) for line, codes in reports.items()
                if any(c != code for c in codes))


def check_callers(tool, reports_of, deprecated_code, failures):
    wanted = marked_lines('py27_caller.py', PY2_MARK)
    reports, text = reports_of('py27_caller.py')
    got = deprecated_lines(reports, deprecated_code)
    if got != wanted:
        failures.append('%s: py27_caller.py: deprecated reports on lines %s, expected %s:\n%s'
                        % (tool, sorted(got), sorted(wanted), text))
    if other_reports(reports, deprecated_code):
        failures.append('%s: py27_caller.py should type-check:\n%s' % (tool, text))
    reports, text = reports_of('py3_caller.py')
    if reports:
        failures.append('%s: py3_caller.py should have no report at all:\n%s' % (tool, text))


def stub_messages():
    """The @deprecated texts of the installed package's stubs."""
    folder = os.path.dirname(httplib_compat.__file__)
    messages = set()
    for name in ('__init__.pyi', 'native.pyi'):
        with open(os.path.join(folder, name)) as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            for decorator in getattr(node, 'decorator_list', []):
                if (isinstance(decorator, ast.Call) and getattr(decorator.func, 'id', '')
                        == 'deprecated'):
                    messages.add(decorator.args[0].value)
    return messages


def runtime_messages():
    """The texts of the package's warn_py2() calls: a plain text, or a pattern
    where `what` is built with '%' (e.g. 'putheader() with a %s value')."""
    folder = os.path.dirname(httplib_compat.__file__)
    texts, patterns = set(), []
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.py'):
            continue
        with open(os.path.join(folder, name)) as f:
            tree = ast.parse(f.read())
        calls = [node for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and getattr(node.func, 'id', '') == 'warn_py2']
        if calls:  # (for the constants an idiom may name)
            module = __import__('httplib_compat.' + name[:-3], fromlist=['_'])
        for node in calls:
            what, idiom = node.args[:2]
            if isinstance(idiom, ast.BinOp):  # "send(data.encode(%r)) ..." % the encoding
                idiom = idiom.left.value
            elif isinstance(idiom, ast.Constant):
                idiom = idiom.value
            else:
                idiom = getattr(module, idiom.id)
            if isinstance(what, ast.BinOp):  # 'putheader() with a %s value' % type name
                what = what.left.value
            else:
                what = what.value
            text = warning_text(what, idiom)
            if '%' in text:
                text = re.escape(text).replace(re.escape('%s'), r'[\w-]+')
                patterns.append(text.replace(re.escape('%r'), r"'[\w-]+'"))
            else:
                texts.add(text)
    return texts, patterns


def check_messages(failures):
    stubs = stub_messages()
    texts, patterns = runtime_messages()
    for text in sorted(texts - stubs):
        failures.append('no @deprecated in the stubs for the runtime warning: %s' % text)
    for pattern in patterns:
        if not any(re.match(pattern + '$', message) for message in stubs):
            failures.append('no @deprecated in the stubs for the runtime warning: %s' % pattern)
    for message in sorted(stubs - texts):
        if not any(re.match(pattern + '$', message) for pattern in patterns):
            failures.append('@deprecated text is no runtime warning: %s' % message)


def main():
    failures = []
    check_messages(failures)
    check_callers('mypy', mypy_reports, 'deprecated', failures)
    wanted = marked_lines('py27_caller_errors.py', ERROR_MARK)
    reports, text = mypy_reports('py27_caller_errors.py')
    if set(reports) != wanted:
        failures.append('mypy: py27_caller_errors.py: errors on lines %s, expected %s:\n%s'
                        % (sorted(reports), sorted(wanted), text))
    check_callers('pyright', pyright_reports, 'reportDeprecated', failures)
    for failure in failures:
        print(failure)
    print('typing: %d failed' % len(failures) if failures else 'typing: all checks passed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
