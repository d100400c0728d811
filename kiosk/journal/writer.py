"""The one journal writer of the app: a single thread that runs every write in turn.

Sales, reconciliation (and later the central sync) submit their writes here,
so nothing in the app competes for the write lock and nothing writes from the
GUI thread. Each submission returns a ``concurrent.futures.Future``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from datetime import datetime
from typing import Any, TypeVar

from kiosk.domain.errors import JournalError
from kiosk.domain.sale import SaleState
from kiosk.journal.journal import Entry, Journal

T = TypeVar("T")
_STOP = object()


class JournalWriter:
    """A daemon thread draining a queue of writes for one :class:`Journal`."""

    def __init__(self, journal: Journal, *, name: str = "journal-writer") -> None:
        self._journal = journal
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closing = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def journal(self) -> Journal:
        return self._journal

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``fn(*args, **kwargs)`` on the writer thread, after every earlier submission."""
        future: Future[T] = Future()
        with self._closing:
            if self._closed:
                raise JournalError("journal.writer_closed")
            self._queue.put((future, fn, args, kwargs))
        return future

    def record(self, reference: str, state: SaleState, **kwargs: Any) -> Future[Entry]:
        """:meth:`Journal.record` on the writer thread (same arguments)."""
        return self.submit(self._journal.record, reference, state, **kwargs)

    def record_event(self, event: str, *, actor: str, data: Mapping[str, Any]) -> Future[Entry]:
        """:meth:`Journal.record_event` on the writer thread."""
        return self.submit(self._journal.record_event, event, actor=actor, data=data)

    def purge_lines(self, older_than: datetime, **kwargs: Any) -> Future[int]:
        return self.submit(self._journal.purge_lines, older_than, **kwargs)

    def close(self, timeout: float | None = None) -> None:
        """Refuse new writes, finish the queued ones, stop the thread."""
        with self._closing:
            if not self._closed:
                self._closed = True
                self._queue.put(_STOP)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            future, fn, args, kwargs = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # the caller gets it through the future
                future.set_exception(error)
            else:
                future.set_result(result)
