"""Writing the app's own TOML files (``config.toml``, ``staff.toml``): text, then an atomic save.

:func:`dumps` writes the small subset of TOML these files use: values at the top, then
tables of values, then arrays of tables (``[[clerk]]``); a value is a string, an int, a
float, a bool, an aware datetime, or a list of strings or numbers. ``tomllib`` reads
back exactly what was written (comments are not kept).

:func:`save_atomically` replaces a file so that a reader (or a crash, or a full disk)
only ever finds the old whole file or the new whole file: the new bytes go to a
temporary file in the same folder, are flushed to disk (``fsync``), and are renamed over
the old file; with ``backup`` the old file is first copied to ``<name>.bak`` the same
way. Every file written is the owner's alone (0600 on POSIX).
"""

from __future__ import annotations

import contextlib
import math
import os
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

FILE_MODE = 0o600
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def toml_value(value: Any) -> str:
    """One TOML value (strings escaped, so no text can break out of its quotes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.isoformat()  # an offset date-time; tomllib reads it back aware
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML for {type(value).__name__}")


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list | tuple) and bool(value) and all(map(_is_table, value))


def _values(table: Mapping[str, Any]) -> list[str]:
    lines = []
    for key, value in table.items():
        if _is_table(value) or _is_table_array(value):
            raise TypeError(f"nested table {key!r} is not written here")
        lines.append(f"{_key(key)} = {toml_value(value)}")
    return lines


def dumps(document: Mapping[str, Any], *, header: str = "") -> str:
    """``document`` as TOML text; ``header`` lines become comments at the top."""
    plain = {k: v for k, v in document.items() if not _is_table(v) and not _is_table_array(v)}
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += _values(plain)
    for key, value in document.items():
        if _is_table(value):
            lines += ["", f"[{_key(key)}]", *_values(value)]
    for key, value in document.items():
        if _is_table_array(value):
            for table in value:
                lines += ["", f"[[{_key(key)}]]", *_values(table)]
    return "\n".join(lines).lstrip("\n") + "\n"


def backup_path(path: Path) -> Path:
    """Where :func:`save_atomically` keeps the previous file: ``<name>.bak``."""
    return path.with_name(path.name + ".bak")


def _write_synced(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            # A leftover temporary file keeps its old mode through O_CREAT: make it private.
            os.fchmod(descriptor, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder this way)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def save_atomically(
    path: Path,
    data: bytes,
    *,
    backup: bool = True,
    check: Callable[[Path], object] | None = None,
) -> None:
    """Replace ``path`` with ``data`` all at once (0600), keeping the old file as ``.bak``.

    ``check`` is called with the written temporary file before anything is replaced
    (say, to load it back); whatever it raises leaves every file as it was and is
    raised again. A failure at any step leaves the old ``path`` whole.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        _write_synced(temporary, data)
        if check is not None:
            check(temporary)
        if backup and path.exists():
            previous = path.read_bytes()
            backup_temporary = path.with_name(f".{path.name}.bak.tmp")
            try:
                _write_synced(backup_temporary, previous)
                os.replace(backup_temporary, backup_path(path))
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(backup_temporary)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _sync_folder(path.parent)
