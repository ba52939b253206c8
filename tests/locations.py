"""Where the tests find the repository's files: one definition for every test module.

The test folders mirror the package (``tests/codec``, ``tests/validation``, ...);
``pyproject.toml`` puts ``tests/`` on ``sys.path`` (pytest's ``pythonpath``) so
that every folder imports this module and the shared helpers the same way.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root.
ROOT = Path(__file__).resolve().parent.parent
#: The example reports that the tests load, validate and render.
EXAMPLES = ROOT / "examples"
