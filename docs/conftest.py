"""pytest runs every code block of docs/*.md (see docs/_ext/doc_examples.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

from doc_examples import SYBIL

pytest_collect_file = SYBIL.pytest()
