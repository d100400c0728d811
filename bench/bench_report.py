"""Shift reports on a year of sales: an X report of the whole year (what the first Z of a
journal adds up), of one busy store day, a Z close, and the report as a Document.

Run: python bench/bench_report.py [--sales 200000] [--runs 3]
Prints the seeding time and medians; the report of a year must take seconds, not minutes
(one SQL scan per week window, summed in Python). Machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.timing import median_ms
from kiosk.domain.calendar import store_day
from kiosk.journal import JournalWriter, open_journal
from kiosk.journal.seeding import seed_sales
from kiosk.services.reports import ReportService, build_report

START = datetime(2025, 1, 1, 5, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtCore import QCoreApplication

    from kiosk.controllers.language import set_language
    from kiosk.controllers.reports import report_document

    _app = QCoreApplication(["bench"])
    set_language("es")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'journal.sqlite3'}"
        journal = open_journal(url, store_id="bench", kiosk_id="bench", line_secret=b"bench-secret")
        started = time.perf_counter()
        summary = seed_sales(journal, count=args.sales, start=START, days=365)
        seeded = time.perf_counter() - started
        now = summary.end + timedelta(hours=1)
        busiest = max(summary.by_day.items(), key=lambda item: item[1].count)[0]

        year = median_ms(lambda: build_report(journal, now=now), args.runs)
        counted: list[int] = []

        def with_progress() -> object:
            counted.clear()
            return build_report(journal, now=now, progress_for=lambda _total: counted.append)

        year_progress = median_ms(with_progress, args.runs)
        day = median_ms(lambda: build_report(journal, now=now, day=busiest), args.runs)
        report = build_report(journal, now=now)
        document = median_ms(lambda: report_document(report), args.runs)

        writer = JournalWriter(journal)
        try:
            service = ReportService(journal, writer, lambda: now, "bench")
            started = time.perf_counter()
            closed = service.close_shift()
            close = (time.perf_counter() - started) * 1000
            after_close = median_ms(service.x_report, args.runs)
        finally:
            writer.close()
            journal.close()

    print(f"seeded {summary.count:,} sales ({summary.entries:,} entries) in {seeded:.1f} s")
    print(f"X report, the whole year ({report.sold.count:,} sold): {year:,.0f} ms")
    print(f"  the same, a week at a time with progress ({sum(counted):,}): {year_progress:,.0f} ms")
    print(f"X report, one store day ({busiest}, {store_day(now)} now): {day:,.0f} ms")
    print(f"report_document of the year: {document:,.1f} ms")
    print(f"Z close of the year (journaled, entry {closed.close_seq}): {close:,.0f} ms")
    print(f"X report right after the close (an empty shift): {after_close:,.1f} ms")


if __name__ == "__main__":
    main()
