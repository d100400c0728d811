"""Journal costs that matter at a store: opening an up-to-date journal at start-up, one
chained append (a sale's state change), and verifying the whole chain.

Run: python bench/bench_journal.py [--sales 300]
Prints medians; compare the ratios of one run (machines here are shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.domain.sale import SaleKind, SaleState
from kiosk.journal import new_reference, open_journal

S = SaleState
FLOW = (S.PAYMENT_PENDING, S.PAID, S.DELIVERY_REQUESTED, S.DELIVERED)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'journal.sqlite3'}"
        ids = {"store_id": "bench", "kiosk_id": "bench", "line_secret": b"bench-secret"}

        started = time.perf_counter()
        open_journal(url, **ids).close()
        first_open = time.perf_counter() - started

        reopen = []
        for _ in range(20):
            started = time.perf_counter()
            open_journal(url, **ids).close()
            reopen.append(time.perf_counter() - started)

        journal = open_journal(url, **ids)
        appends = []
        for number in range(args.sales):
            reference = new_reference()
            line = f"3{number:09d}"
            started = time.perf_counter()
            journal.record(
                reference,
                S.CREATED,
                event="sale_created",
                actor="bench",
                kind=SaleKind.TOPUP,
                amount_pesos=10_000,
                line=line,
            )
            appends.append(time.perf_counter() - started)
            for state in FLOW:
                started = time.perf_counter()
                journal.record(reference, state, event=str(state), actor="bench")
                appends.append(time.perf_counter() - started)

        started = time.perf_counter()
        report = journal.verify()
        verify = time.perf_counter() - started
        journal.close()

    assert report.ok
    print(f"entries: {report.entries} ({args.sales} sales x 5 state changes)")
    print(f"first open (creates and migrates):   {first_open * 1000:8.1f} ms")
    print(f"open, schema already up to date:     {_median_ms(reopen):8.2f} ms (median of 20)")
    print(f"one chained append (synchronous=FULL): {_median_ms(appends):6.2f} ms (median)")
    print(
        f"verify the whole chain:              {verify * 1000:8.1f} ms "
        f"({verify / report.entries * 1e6:.0f} us per entry)"
    )
    print(f"ratio first open / up-to-date open:  {first_open / statistics.median(reopen):8.0f}x")


if __name__ == "__main__":
    main()
