"""Exports over a year of sales: the accountant's CSV (masked and with full lines), the
journal's JSON, and verifying that JSON as ``kiosk journal verify --json`` does.

Run: python bench/bench_export.py [--sales 200000] [--postgres URL]
Seeds a SQLite journal in a temporary folder (kiosk.journal.seeding, the tests' helper)
in a child process, then prints each step's time and rate (rows or entries per second) and
the peak memory this process reached after it (the exports stream in batches, so their peak
stays flat whatever the journal's size; verifying a JSON export holds all its entries).
Compare ratios of one run: machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.journal import open_journal
from kiosk.journal.seeding import seed_sales
from kiosk.services.exports import (
    export_journal,
    read_journal_json,
    verify_export,
    write_sales_csv,
)

START = datetime(2025, 1, 1, 5, 0, tzinfo=UTC)  # midnight in Bogotá
END = datetime(2026, 1, 1, 5, 0, tzinfo=UTC)


def _timed(what: str, count_of: Callable[[], int], unit: str) -> float:
    started = time.perf_counter()
    count = count_of()
    seconds = time.perf_counter() - started
    rate = count / seconds if seconds else 0.0
    print(f"{what:<44} {count:>9,} {unit:<8} {seconds:7.2f} s {rate:>11,.0f} {unit}/s")
    return seconds


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


IDS = {"store_id": "bench", "kiosk_id": "bench", "line_secret": b"bench"}


def _seed(url: str, count: int) -> None:
    journal = open_journal(url, **IDS)  # type: ignore[arg-type]
    started = time.perf_counter()
    summary = seed_sales(journal, count=count, start=START, days=365)
    print(
        f"seeded {summary.count:,} sales, {summary.entries:,} entries "
        f"in {time.perf_counter() - started:.1f} s (in a child process)",
        flush=True,
    )
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=200_000)
    parser.add_argument("--postgres", help="an empty PostgreSQL database's URL instead of SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        url = args.postgres or f"sqlite:///{out / 'journal.sqlite3'}"
        seeder = multiprocessing.get_context("spawn").Process(target=_seed, args=(url, args.sales))
        seeder.start()
        seeder.join()
        if seeder.exitcode != 0:
            raise SystemExit(f"seeding failed ({seeder.exitcode})")
        journal = open_journal(url, **IDS)  # type: ignore[arg-type]
        print(f"peak memory before the exports: {_peak_mb():,.0f} MB")
        csv_path, full_path, json_path = out / "a.csv", out / "b.csv", out / "c.json"
        _timed(
            "CSV, lines masked",
            lambda: write_sales_csv(journal, START, END, csv_path, full_lines=False),
            "rows",
        )
        _timed(
            "CSV, full lines (join on sale_lines)",
            lambda: write_sales_csv(journal, START, END, full_path, full_lines=True),
            "rows",
        )
        print(f"peak memory after the CSVs: {_peak_mb():,.0f} MB")
        _timed("JSON of the journal", lambda: export_journal(journal, json_path).entries, "entries")
        print(f"peak memory after the JSON: {_peak_mb():,.0f} MB")
        sizes = (csv_path.stat().st_size, full_path.stat().st_size, json_path.stat().st_size)
        print("sizes: CSV {:,} B, full-line CSV {:,} B, JSON {:,} B".format(*sizes))
        journal.close()

        loaded: dict[str, object] = {}

        def read() -> int:
            loaded["meta"], loaded["entries"] = read_journal_json(json_path)
            return len(loaded["entries"])  # type: ignore[arg-type]

        _timed("read the JSON (json.load)", read, "entries")

        def verify() -> int:
            report = verify_export(loaded["meta"], loaded["entries"])  # type: ignore[arg-type]
            assert report.ok, report.first_problem
            return report.entries

        _timed("verify it (chain and replay)", verify, "entries")
        print(f"peak memory after verify --json: {_peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
