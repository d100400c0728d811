"""The sales history on a year of sales: how fast a journal is seeded, and how fast it is searched.

Run: python bench/bench_history.py [--sales 200000] [--runs 30] [--verify] [--keep FILE]
Seeds a SQLite journal in a temporary folder with ``kiosk.journal.seeding.seed_sales``
(the helper the tests share), then times each kind of history search (a page of 100,
newest first) and prints medians and the 95th percentile. ``--verify`` also times a whole
``Journal.verify`` of it (minutes, and a few GB of memory, at 200,000 sales). Compare the
ratios of one run: machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import Journal, open_journal
from kiosk.journal.search import SaleQuery
from kiosk.journal.seeding import seed_sales

S = SaleState
START = datetime(2025, 1, 1, 5, tzinfo=UTC)
SECRET = b"bench-line-secret-0123456789abcdef"


def _timings(operation: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile in ms of ``runs`` calls, after one warm-up call."""
    operation()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def _queries(journal: Journal) -> dict[str, SaleQuery]:
    newest = journal.search_sales(SaleQuery(limit=1)).sales[0]
    delivered = journal.search_sales(SaleQuery(states=frozenset({S.DELIVERED}), limit=1)).sales[0]
    line = journal.line_for(delivered.reference) or "3001234567"
    deep = SaleQuery()
    for _ in range(50):  # 50 pages back: 5,000 sales older than the newest
        page = journal.search_sales(deep)
        deep = replace(deep, before=page.next_before)
    june = datetime(2025, 6, 10, 5, tzinfo=UTC)
    return {
        "newest 100, no filter": SaleQuery(),
        "page 51 (keyset, 5,000 back)": deep,
        "one state (declined)": SaleQuery(states=frozenset({S.DECLINED})),
        "three states (follow-up)": SaleQuery(
            states=frozenset({S.PAID_NOT_DELIVERED, S.DELIVERY_UNKNOWN, S.PAYMENT_PENDING})
        ),
        "clerk": SaleQuery(clerk="Marta"),
        "whole line (keyed hash)": SaleQuery(line=line),
        "last four digits": SaleQuery(line=line[-4:]),
        "reference prefix (8 chars)": SaleQuery(reference=newest.reference[:8]),
        "one store day": SaleQuery(start=june, end=june + timedelta(days=1)),
        "day + clerk + state + kind": SaleQuery(
            start=june,
            end=june + timedelta(days=1),
            clerk="Ana",
            states=frozenset({S.DELIVERED}),
            kind=SaleKind.TOPUP,
        ),
        "operator (no index of its own)": SaleQuery(operator="WOM"),
    }


def _open(url: str) -> Journal:
    return open_journal(url, store_id="bench", kiosk_id="bench", line_secret=SECRET)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--verify", action="store_true", help="also time Journal.verify")
    parser.add_argument("--keep", type=Path, help="copy the seeded journal file here")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-history-"))
    try:
        url = f"sqlite:///{folder / 'journal.sqlite3'}"
        journal = _open(url)
        cpu, started = time.process_time(), time.perf_counter()
        summary = seed_sales(journal, count=args.sales, start=START, days=365)
        seeding, seeding_cpu = time.perf_counter() - started, time.process_time() - cpu
        size = (folder / "journal.sqlite3").stat().st_size
        print(f"load average: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
        print(
            f"seeded {summary.count:,} sales ({summary.entries:,} entries) in {seeding:.1f} s "
            f"wall, {seeding_cpu:.1f} s CPU: {summary.count / seeding:,.0f} sales/s, "
            f"{summary.entries / seeding:,.0f} entries/s; file {size / 1e6:.0f} MB"
        )
        journal.close()
        journal = _open(url)  # a cold start, as the counter's app would be
        print(f"{'search (a page of 100)':34} {'median':>9} {'p95':>9} {'rows':>5}")
        for name, query in _queries(journal).items():
            median, p95 = _timings(partial(journal.search_sales, query), args.runs)
            rows = len(journal.search_sales(query).sales)
            print(f"{name:34} {median:7.2f} ms {p95:6.2f} ms {rows:5d}")
        if args.verify:
            started = time.perf_counter()
            report = journal.verify()
            took = time.perf_counter() - started
            print(
                f"verify: ok={report.ok}, {report.entries:,} entries in {took:.1f} s "
                f"({took / report.entries * 1e6:.0f} us per entry)"
            )
        journal.close()
        if args.keep:
            shutil.copyfile(folder / "journal.sqlite3", args.keep)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
