import sys

# The adapter's own tests and the 2.7 comparisons only mean something on
# Python 3: on 2.7 the package *is* the real httplib (tests/test_package.py).
collect_ignore_glob = []
if sys.version_info[0] == 2:
    collect_ignore_glob = ['py27/*', 'test_adapter_*.py']
