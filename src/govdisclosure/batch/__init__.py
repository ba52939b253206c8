"""Batch runs over many files: input expansion, worker processes, progress, summary.

Every command that reads reports in bulk (``validate``, ``render``,
``consolidate``, ``import``, ``export``) takes its inputs through
:func:`expand_inputs` (files, directories walked recursively, glob
patterns), runs the per-file work through :func:`run_files` (in order, in
worker processes with ``--jobs N``), shows a :class:`Progress` and ends
with a :class:`Summary`.  One file that cannot be read is an outcome like
any other, never the end of the run.  See ``docs/cli.md#batch-runs``.
"""

from __future__ import annotations

from .inputs import expand_inputs, output_stems, report_suffixes
from .progress import Progress
from .runner import Interrupted, default_jobs, run_files
from .summary import Summary

__all__ = [
    "Interrupted",
    "Progress",
    "Summary",
    "default_jobs",
    "expand_inputs",
    "output_stems",
    "report_suffixes",
    "run_files",
]
