"""Batch runs over many files: input expansion, worker processes, progress, summary.

Every command that reads reports in bulk (``validate``, ``render``,
``consolidate``, ``import``, ``export``) takes its inputs through
:func:`expand_inputs` (files, directories walked recursively, glob
patterns; a compact :class:`FileList`), runs the work through
:func:`drive` (chunks of files in order, in worker processes with
``--jobs N``, with a :class:`Progress` display and Ctrl-C handled) and
ends with a :class:`Summary` (:func:`close`).  One file that cannot be read is an outcome like
any other, never the end of the run.  See ``docs/cli.md#batch-runs``.
"""

from __future__ import annotations

from .driver import close, drive, drive_files
from .filelist import FileList
from .inputs import expand_inputs, output_stems, report_suffixes
from .progress import Progress
from .runner import Interrupted, default_jobs, run_chunks, run_files
from .summary import Summary

__all__ = [
    "FileList",
    "Interrupted",
    "Progress",
    "Summary",
    "close",
    "default_jobs",
    "drive",
    "drive_files",
    "expand_inputs",
    "output_stems",
    "report_suffixes",
    "run_chunks",
    "run_files",
]
