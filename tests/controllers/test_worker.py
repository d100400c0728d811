"""The worker helper: results and errors come back on the GUI thread, nothing blocks it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread, QTimer

from kiosk.controllers.worker import pending_tasks, run


def test_result_arrives_on_the_calling_thread(qtbot) -> None:
    main_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def operation() -> int:
        seen["worker_thread"] = threading.get_ident()
        return 42

    def on_success(value: int) -> None:
        seen["value"] = value
        seen["callback_on_main"] = QThread.currentThread() is main_thread

    task = run(operation).on_success(on_success)
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["callback_on_main"] is True
    assert seen["worker_thread"] != threading.get_ident()
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_errors_are_reported_not_swallowed(qtbot) -> None:
    def operation() -> None:
        raise ValueError("boom")

    errors: list[BaseException] = []
    task = run(operation).on_failure(errors.append)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError)


def test_gui_thread_keeps_running_while_an_operation_hangs(qtbot) -> None:
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    task = run(lambda: release.wait(10))
    # The event loop keeps firing the timer while the worker is blocked.
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)
    assert not task.finished
    release.set()
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        pass
    timer.stop()


@pytest.mark.parametrize("count", [20])
def test_many_tasks_all_report(qtbot, count: int) -> None:
    results: list[int] = []
    tasks = [run(lambda n=n: n * 2).on_success(results.append) for n in range(count)]
    qtbot.waitUntil(lambda: all(task.finished for task in tasks), timeout=5000)
    assert sorted(results) == [n * 2 for n in range(count)]
