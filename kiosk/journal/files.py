"""Private folders and files: the owner alone reads them, whatever the umask (POSIX).

The journal holds full lines, so its folder is created 0700 and its files (the
database, SQLite's ``-wal`` and ``-shm``, the instance lock) are 0600. SQLite
creates ``-wal`` and ``-shm`` with the database file's own mode, so a database
file made private before SQLite opens it keeps its companions private too.

The mode is set with ``chmod`` after creating, because ``mkdir``/``open`` apply
the umask (``0o000`` would leave a file world-writable, ``0o077`` is harmless).
An existing folder is left as it is (it may be one the store chose, a home
folder say); an existing file of ours is made private.

On Windows nothing is changed: ``chmod`` there only sets the read-only flag, and
the user's profile folders (where the data folder lives by default) are already
private to the user through their ACLs, which this module does not touch.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"


def private_folder(path: Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700 for the one it creates; return it.

    Missing parents get the usual mode (they may be shared folders); ``path``
    itself, when this call creates it, gets 0700 whatever the umask.
    """
    if path.is_dir():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.mkdir(mode=FOLDER_MODE)
    except FileExistsError:  # made meanwhile by another process: theirs, as it is
        return path
    if POSIX:
        os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists (empty when new) and is readable by its owner only; return it.

    The folder must exist. An existing file keeps its content and loses group
    and other permissions. A symlink is followed (a store may keep its journal
    elsewhere); its target is what gets the mode.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    try:
        if POSIX:
            os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)
    return path


def make_private(path: Path) -> None:
    """Take group and other permissions away from ``path`` if it exists (never creates it)."""
    if not POSIX:
        return
    with contextlib.suppress(FileNotFoundError):
        found = os.lstat(path)
        if stat.S_ISREG(found.st_mode) and stat.S_IMODE(found.st_mode) != FILE_MODE:
            os.chmod(path, FILE_MODE)


def open_private(path: Path) -> int:
    """A read-write descriptor on ``path``, created 0600 if missing (the instance lock's file)."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    if POSIX:
        try:
            os.fchmod(descriptor, FILE_MODE)
        except BaseException:
            os.close(descriptor)
            raise
    return descriptor
