"""The sales journal: an append-only, hash-chained log of every sale's state changes.

Public API (see each module for details):

* :func:`open_journal`, :class:`Journal`, :class:`Entry`, :class:`SaleRecord`;
* :class:`JournalWriter`: the app's one writer thread;
* :class:`InstanceLock`, :func:`instance_lock_for`: one app instance per journal;
* :func:`pick_gateway_fields`, :func:`pick_provider_fields`: what may be journaled;
* :func:`verify_entries`, :class:`VerifyReport`, :class:`Problem`: verification,
  also of a JSON export;
* :func:`new_reference`: sale references;
* :class:`SaleQuery`, :class:`SalePage`: the history's search (``Journal.search_sales``).
"""

from kiosk.journal.journal import Entry, Journal, SaleRecord, open_journal
from kiosk.journal.locks import InstanceLock, PgInstanceLock, instance_lock_for
from kiosk.journal.privacy import pick_gateway_fields, pick_provider_fields
from kiosk.journal.references import attempt_reference, new_reference
from kiosk.journal.search import SalePage, SaleQuery
from kiosk.journal.verify import Problem, VerifyReport, verify_entries
from kiosk.journal.writer import JournalWriter

__all__ = [
    "Entry",
    "InstanceLock",
    "Journal",
    "JournalWriter",
    "PgInstanceLock",
    "Problem",
    "SalePage",
    "SaleQuery",
    "SaleRecord",
    "VerifyReport",
    "attempt_reference",
    "instance_lock_for",
    "new_reference",
    "open_journal",
    "pick_gateway_fields",
    "pick_provider_fields",
    "verify_entries",
]
