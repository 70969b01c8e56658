"""The migration report: every Python-2-only use the shim served, per call site.

Each ``Py2CompatWarning`` the shim would emit is counted here whatever the
warning filters say (ignored, shown or raised), under the call site the warning
names (file and line), with what was used, its Python 3 idiom, the count and the
first test (or other label) that reached it.  Three ways to get one::

    pytest -p httplib_compat.pytest_plugin --httplib-compat-report=report.json
    HTTPLIB_COMPAT_REPORT=report.json python program.py     # written at exit
    with httplib_compat.report.recording('report.json') as report: ...

Nothing is counted, and nothing costs, while no report records.
"""
import collections
import contextlib
import itertools
import json
import os
import platform

from httplib_compat._warnings import RLock

FORMAT = 1


class MigrationReport(object):
    """Counts per call site; ``label`` names what runs now (the pytest plugin
    sets the test's node id) and is kept as the site's first one."""

    def __init__(self):
        self._label = None
        self._counts = collections.Counter()  # (file, line, what, idiom) -> uses
        self._first_label = {}  # (file, line, what, idiom) -> label at its first use
        self._lock = RLock()  # re-entrant, as _warnings._counting

    @property
    def label(self):
        return self._label

    @label.setter
    def label(self, label):
        _warnings().count_logged_uses()  # the uses so far were made under the old label
        self._label = label

    def count(self, site, idiom):
        """Count one use at ``site``, (file, line, what)."""
        self.add_uses([tuple(site) + (idiom,)])

    def add_uses(self, uses):
        """Count ``uses``, a list of (file, line, what, idiom) in the order made."""
        with self._lock:
            known = len(self._counts)
            self._counts.update(uses)  # counted in C; new sites are added in order
            for site in itertools.islice(self._counts, known, None):
                self._first_label[site] = self._label

    def _merged(self):
        """{(file, line, what): [count, idiom, label]}."""
        _warnings().count_logged_uses()
        merged = {}
        with self._lock:
            for key, count in self._counts.items():
                site = merged.get(key[:3])
                if site is None:
                    merged[key[:3]] = [count, key[3], self._first_label[key]]
                else:  # one site warned with two idioms: the first is kept
                    site[0] += count
        return merged

    def sites(self, root=None):
        """The call sites as dicts, most used first; files under ``root`` (default:
        the current directory) relative to it."""
        root = os.path.abspath(root or os.getcwd())
        rows = [{'file': _shown_path(filename, root), 'line': line, 'what': what,
                 'idiom': idiom, 'count': count, 'first_test': label}
                for (filename, line, what), (count, idiom, label) in self._merged().items()]
        rows.sort(key=lambda row: (-row['count'], row['file'], row['line'], row['what']))
        return rows

    def as_dict(self, root=None):
        sites = self.sites(root)
        return {'httplib_compat_report': FORMAT,
                'python': platform.python_version(),
                'uses': sum(site['count'] for site in sites),
                'call_sites': len(sites),
                'sites': sites}

    def write(self, path, root=None):
        with open(path, 'w') as out:
            json.dump(self.as_dict(root), out, indent=1, sort_keys=True)
            out.write('\n')

    def format_table(self, root=None, previous=None):
        """The report as text: a summary line, then one row per call site, most used
        first.  ``previous``: an earlier report's dict, for the change since."""
        data = self.as_dict(root)
        lines = [summary_line(data, previous)]
        if data['sites']:
            rows = [('count', 'call site', 'Python 2 use', 'Python 3 idiom', 'first test')]
            rows.extend((str(site['count']), '%s:%d' % (site['file'], site['line']),
                         site['what'], site['idiom'], site['first_test'] or '-')
                        for site in data['sites'])
            widths = [max(len(row[column]) for row in rows) for column in range(4)]
            for row in rows:
                lines.append('%s  %s  %s  %s  %s' % (
                    row[0].rjust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2]),
                    row[3].ljust(widths[3]), row[4]))
        return '\n'.join(lines) + '\n'


def _counted(number, noun):
    return '%d %s%s' % (number, noun, '' if number == 1 else 's')


def summary_line(data, previous=None):
    line = 'httplib_compat: %s at %s' % (_counted(data['uses'], 'Python-2-only use'),
                                         _counted(data['call_sites'], 'call site'))
    if previous is not None:
        line += ' (last report: %s at %s)' % (_counted(previous.get('uses', 0), 'use'),
                                              _counted(previous.get('call_sites', 0), 'call site'))
    return line


def load(path):
    """An earlier report's dict from ``path``, or None when there is none to read."""
    try:
        with open(path) as f:
            data = json.load(f)
    except (IOError, OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get('httplib_compat_report') == FORMAT:
        return data
    return None


def _warnings():
    from httplib_compat import _warnings  # (which imports this module)
    return _warnings


def _shown_path(filename, root):
    if not os.path.isabs(filename):
        return filename  # '<string>', '<sys>'...
    relative = os.path.relpath(filename, root)
    return filename if relative.startswith(os.pardir) else relative


@contextlib.contextmanager
def recording(path=None):
    """Record the Python-2-only uses made inside the block; yields the
    MigrationReport, written as JSON to ``path`` (if given) at the end."""
    report = MigrationReport()
    _warnings().start_recording(report)
    try:
        yield report
    finally:
        _warnings().stop_recording(report)
        if path:
            report.write(path)
