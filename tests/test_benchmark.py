"""benchmarks/bench.py keeps working: a tiny run, its figures and its checks.

Runs on 2.7 too (there the baseline is httplib itself and the shim passes it through).
"""
import json
import os
import subprocess
import sys

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                     'benchmarks', 'bench.py')


def test_bench_runs_checks_both_modules_and_reports_every_case():
    out = subprocess.check_output(
        [sys.executable, BENCH, '--quick', '--rounds', '1', '--seconds', '0.005',
         '--cases', 'get_small,headers,py2_message', '--json', '-'])
    result = json.loads(out.decode('utf-8'))
    assert [entry['case'] for entry in result['cases']] == ['get_small', 'headers', 'py2_message']
    # Importing the shim must leave http.client (the baseline) exactly as it was.
    assert result['http_client_patched'] == []
    baseline = 'httplib' if sys.version_info[0] == 2 else 'http.client'
    assert result['baseline'] == baseline
    for entry in result['cases']:
        assert entry['n'] >= 1
        assert entry['cpu']['compat_us'] > 0 and entry['wall']['compat_us'] > 0
        if entry['case'] != 'py2_message' or sys.version_info[0] == 2:
            assert entry['cpu']['baseline_us'] > 0 and entry['cpu']['ratio'] > 0
        else:  # the 2.7-only API has no http.client baseline
            assert 'ratio' not in entry['cpu']
    assert result['import']['compat_ms'] > 0
    assert [what.split(':')[0] for what, _ in result['targets'][:2]] == ['get_small', 'headers']
