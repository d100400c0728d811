"""Regression: PySide6 6.12.0 on Python 3.11 drops a reference to None on every
call that returns None, and the process aborts ("Fatal Python error: none_dealloc").

pyproject.toml keeps Python 3.11 below 6.12; this test proves the installed
PySide6 does not leak references to None. It runs in a child process so that the
abort fails this test instead of killing the whole test session.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

CALLS = 100_000

CHILD = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        obj.setObjectName("probe")  # returns None
    after = sys.getrefcount(None)
    print(after - before)
    """
)


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: no refcount to drift"
)
def test_none_returning_qt_calls_keep_the_refcount_of_none() -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120
    )
    assert child.returncode == 0, (
        f"the child aborted (exit {child.returncode}); PySide6 with this Python is broken:\n"
        f"{child.stderr[-2000:]}"
    )
    drift = abs(int(child.stdout.strip().splitlines()[-1]))
    # A healthy binding drifts by a handful of references at most; the broken one by ~CALLS.
    assert drift < CALLS // 100, f"refcount of None drifted by {drift} over {CALLS} calls"


def test_installed_pyside_respects_the_python_311_constraint() -> None:
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), f"PySide6 {PySide6.__version__} crashes on Python 3.11"
