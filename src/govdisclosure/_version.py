"""The version of the library, in one place.

The build reads it from here (``[tool.hatch.version]`` in ``pyproject.toml``),
so the installed distribution's metadata says the same; the command line's
``--version`` and :data:`govdisclosure.__version__` read it here, which
costs nothing, where asking :mod:`importlib.metadata` would import the email
parser and scan every installed distribution.
"""

__version__ = "0.1.0"
