"""What the benchmarks share: the median time of an operation, after one warm-up run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(operation: Callable[[], object], runs: int) -> float:
    """The median of ``runs`` timings of ``operation`` in milliseconds (after a warm-up:
    imports, caches, font and paint engine set-up)."""
    operation()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)
