"""Run blocking work off the GUI thread: ``run(op).on_success(...).on_failure(...)``.

Every gateway call and journal write the screens cause goes through here (in the
spirit of Anki's ``QueryOp``): the operation runs on a ``QThreadPool`` worker and
its result comes back as a queued signal, so callbacks run on the thread that
created the task (the GUI thread) and may touch widgets. The operations bring
their own deadlines (the gateway clients enforce a wall-clock limit per call).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# Tasks stay referenced until they report, or Qt would delete them under the worker.
_pending: set[Task] = set()


class Task(QObject):
    """One operation on a worker; connect callbacks before control returns to the event loop."""

    succeeded = Signal(object)
    failed = Signal(object)
    # Worker -> owner thread. Public signals are re-emitted from the owner thread, so a
    # callback connected right after ``run()`` can never miss a fast result.
    _reported = Signal(bool, object)

    def __init__(self, operation: Callable[[], Any], name: str = "") -> None:
        super().__init__()
        self._operation = operation
        self.name = name or getattr(operation, "__name__", "task")
        self.finished = False
        self._reported.connect(self._deliver)

    def on_success(self, callback: Callable[[Any], None]) -> Task:
        self.succeeded.connect(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Task:
        self.failed.connect(callback)
        return self

    def _execute(self) -> None:
        # Runs on the worker thread: only emit, never touch widgets here.
        try:
            result = self._operation()
        except BaseException as error:  # reported to the owner thread, never swallowed
            if not isinstance(error, Exception):
                log.error("task %s stopped by %s", self.name, type(error).__name__)
            self._reported.emit(False, error)
        else:
            self._reported.emit(True, result)

    def _deliver(self, ok: bool, value: object) -> None:
        try:
            (self.succeeded if ok else self.failed).emit(value)
        finally:
            self.finished = True
            _pending.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._execute()


def run(operation: Callable[[], Any], *, name: str = "", pool: QThreadPool | None = None) -> Task:
    """Start ``operation`` on a worker thread and return its task for callbacks."""
    task = Task(operation, name)
    _pending.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


def pending_tasks() -> int:
    """Tasks started whose result has not reached their thread yet (for shutdown and tests)."""
    return len(_pending)
