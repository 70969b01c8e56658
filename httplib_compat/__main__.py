"""``python -m httplib_compat``: the httplib documentation's examples, run the
Python 2 way through the shim against a server on 127.0.0.1."""
import sys

from httplib_compat._demo import main

sys.exit(main())
