"""Sphinx configuration of the httplib_compat documentation.

Built by ``python -m tox -e docs`` (warnings are errors) into docs/_build/html.
Only Sphinx's own extensions are used; the API reference imports the installed
package (sphinx.ext.autodoc), which the docs environment installs.
"""
import httplib_compat

project = 'httplib_compat'
author = 'The httplib_compat developers'
copyright = '2026, ' + author
release = version = httplib_compat.__version__

extensions = ['sphinx.ext.autodoc']
exclude_patterns = ['_build', 'figures/benchmark-table.rst']
# `code` in the text is Python unless a block says otherwise.
highlight_language = 'python3'
default_role = 'literal'

autodoc_member_order = 'bysource'
# An override without a docstring must not show http.client's or email's own
# docstring: those are not reStructuredText, and they describe Python 3's behaviour.
autodoc_inherit_docstrings = False
autodoc_default_options = {'members': True, 'show-inheritance': True}

html_theme = 'alabaster'
html_title = 'httplib_compat %s' % release
html_theme_options = {
    'description': "Python 2.7's httplib on Python 3",
    'page_width': '1100px',
    'sidebar_width': '240px',
}
