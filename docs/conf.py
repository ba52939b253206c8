"""Sphinx configuration of the govdisclosure documentation site.

The pages stay Markdown (MyST); the references are generated from the code:
the API from docstrings (autodoc, with type hints from the annotations), the
CLI from the click commands (sphinx-click), the hooks from the hookspec
docstrings, and the official tables from the table definitions (the
``official-tables`` directive in ``_ext/gd_tables.py``).  ``make docs`` builds
with warnings as errors, so a broken internal link, a missing anchor or a
reference that does not resolve fails the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import govdisclosure  # noqa: E402

project = "govdisclosure"
author = "govdisclosure developers"
copyright = "govdisclosure developers"
release = govdisclosure.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_autodoc_typehints",
    "sphinx_click",
    "gd_tables",
    "gd_coverage",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md", "_inventories"]
language = "en"

# -- MyST ---------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
# `page.md#a-heading` links resolve to the heading's slug; a missing one is a
# warning, so an error under -W.
myst_heading_anchors = 4

# -- autodoc ------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "mixed"
typehints_use_signature = False
typehints_document_rtype = True
always_document_param_types = False
autodoc_default_options = {"show-inheritance": False}

# -- intersphinx --------------------------------------------------------------
# No network at build time: every inventory is vendored in _inventories/
# (see _inventories/README.md for where each one came from).  The URL is
# where the links point; the inventory file names the targets.  attrs and
# cattrs point at the documentation of the release their inventory describes,
# so every anchor exists.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11/", "_inventories/python.inv"),
    "attrs": ("https://www.attrs.org/en/22.2.0/", "_inventories/attrs.inv"),
    "cattrs": ("https://catt.rs/en/v22.2.0/", "_inventories/cattrs.inv"),
    "pluggy": ("https://pluggy.readthedocs.io/en/stable/", "_inventories/pluggy.inv"),
    "click": ("https://click.palletsprojects.com/en/8.1.x/", "_inventories/click.inv"),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", "_inventories/hypothesis.inv"),
}

# -- HTML ---------------------------------------------------------------------
html_theme = "furo"
html_title = f"govdisclosure {release}"
html_static_path = ["_static"]
html_css_files = ["gd.css"]
html_extra_path: list[str] = []
html_copy_source = False
html_show_sourcelink = False

# attrs-generated __init__ methods and names imported under TYPE_CHECKING
# leave annotations that cannot be evaluated at build time; they are shown as
# written instead of linked.
suppress_warnings = ["sphinx_autodoc_typehints.forward_reference"]
