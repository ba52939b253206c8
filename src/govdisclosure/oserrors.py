"""What went wrong with a file, in the reader's language.

``OSError.strerror`` is the C library's English ("No such file or
directory") whatever locale the user chose; the causes a user of the
command line meets have messages in the catalogs, the rarer ones keep the
system's words as the marked detail.  The catalogs are imported only when a message is shown.
"""

from __future__ import annotations

import errno
from typing import Final

from .errors import Problem, with_detail

__all__ = ["cause_id", "os_error_text", "unreadable", "unreadable_code"]


def N_(msgid: str) -> str:
    """Mark a message id (:func:`govdisclosure.i18n.N_`, without importing the catalogs)."""
    return msgid


#: A short account of each common cause, by ``errno``.
_CAUSES: Final[dict[int, str]] = {
    errno.ENOENT: N_("no such file or directory"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("is a directory"),
    errno.ENOTDIR: N_("a part of the path is not a directory"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.EROFS: N_("read-only file system"),
    errno.EEXIST: N_("the file exists"),
    errno.ENAMETOOLONG: N_("file name too long"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.EIO: N_("input/output error"),
}

#: What a file that cannot be read should have been, by ``errno``.
_EXPECTED: Final[dict[int, str]] = {
    errno.ENOENT: N_("a file that exists"),
    errno.EISDIR: N_("a file, not a directory"),
    errno.EACCES: N_("a file you may read (permission denied)"),
    errno.EPERM: N_("a file you may read (permission denied)"),
    errno.ENOTDIR: N_("a file in a folder that exists (a part of the path is not a directory)"),
    errno.ENAMETOOLONG: N_("a file name the system accepts (file name too long)"),
    errno.ELOOP: N_("a path without a loop of symbolic links (too many levels of symbolic links)"),
    errno.EIO: N_("a file the disk can read (input/output error)"),
}


def cause_id(exc: OSError) -> str | None:
    """The message id of a common cause (``"no such file or directory"``),
    ``None`` for a rare one (said by the system's words)."""
    return _CAUSES.get(exc.errno) if exc.errno is not None else None


def os_error_text(exc: OSError, locale: str) -> str:
    """What went wrong, in ``locale`` (the system's words for a rare cause)."""
    from .i18n import gettext

    msgid = _CAUSES.get(exc.errno) if exc.errno is not None else None
    if msgid is None:
        # A rare cause: said as a system error, the system's words the detail.
        return with_detail(locale, gettext(locale, N_("a system error")), exc.strerror or str(exc))
    return gettext(locale, msgid)


def unreadable(exc: OSError) -> Problem:
    """The problem of an input file that cannot be read, for any locale: a
    missing file, a directory or a refused permission say so as the
    expectation (a message id); a rarer cause shows the system's words."""
    expected = _EXPECTED.get(exc.errno) if exc.errno is not None else None
    if expected is not None:
        return Problem("$", expected)
    return Problem("$", N_("a readable file"), detail=exc.strerror or str(exc))


#: The stable ``code`` of an input file that cannot be read, by ``errno``.
_CODES: Final[dict[int, str]] = {
    errno.ENOENT: "file-not-found",
    errno.EISDIR: "is-a-directory",
    errno.EACCES: "permission-denied",
    errno.EPERM: "permission-denied",
    errno.ENOTDIR: "not-a-directory",
}


def unreadable_code(exc: OSError) -> str:
    """The ``code`` of :class:`~govdisclosure.errors.UnreadableFileError`
    for ``exc``: one per common cause, ``"file-unreadable"`` for the rest."""
    code = _CODES.get(exc.errno) if exc.errno is not None else None
    return code or "file-unreadable"
