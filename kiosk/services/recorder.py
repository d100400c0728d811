"""The one way the services move a sale: journal the move, fold the written entry.

Every move is checked by the journal against the sale's state machine under its
write lock, through the one writer. The entry the writer returns is folded into
the progress the caller holds, so a service never reads the sale back after its
own write; only a refused move (somebody else moved the sale first) reads it again.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.domain.errors import SaleTransitionError
from kiosk.domain.progress import SaleProgress, fold_entry, fold_progress
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.services.ports import JournalReader, JournalWriting

log = logging.getLogger(__name__)

#: How long a service waits for the writer to answer one write.
WRITE_TIMEOUT_SECONDS = 30.0


class SaleRecorder:
    """Reads a sale's progress and journals its moves, for every service of one app."""

    def __init__(self, *, journal: JournalReader, writer: JournalWriting, actor: str) -> None:
        self._journal = journal
        self._writer = writer
        self._actor = actor

    @property
    def journal(self) -> JournalReader:
        return self._journal

    def progress(self, reference: str) -> SaleProgress:
        """Where the sale stands, from its journal entries; KeyError for an unknown sale."""
        progress = fold_progress(self._journal.entries_for(reference))
        if progress is None:
            raise KeyError(reference)
        return progress

    def open(
        self,
        reference: str,
        *,
        kind: SaleKind,
        amount_pesos: int,
        line: str,
        sender_line: str | None,
        data: dict[str, Any],
    ) -> SaleProgress:
        """Journal a new sale (the lines are stored apart from the chain)."""
        future = self._writer.record(
            reference,
            SaleState.CREATED,
            event="sale_created",
            actor=self._actor,
            kind=kind,
            amount_pesos=amount_pesos,
            line=line,
            sender_line=sender_line,
            data=data,
        )
        return _logged(
            fold_entry(None, future.result(timeout=WRITE_TIMEOUT_SECONDS)), "sale_created"
        )

    def move(
        self, progress: SaleProgress, state: SaleState, event: str, **data: Any
    ) -> SaleProgress:
        """Journal ``progress -> state``; raises :class:`SaleTransitionError` if refused."""
        payload = {key: value for key, value in data.items() if value is not None}
        future = self._writer.record(
            progress.reference, state, event=event, actor=self._actor, data=payload or None
        )
        return _logged(fold_entry(progress, future.result(timeout=WRITE_TIMEOUT_SECONDS)), event)

    def advance(
        self, progress: SaleProgress, state: SaleState, event: str, **data: Any
    ) -> tuple[SaleProgress, bool]:
        """Like :meth:`move`, but a refused move (a late or duplicate answer, another
        actor first) is no error: returns the sale as it now stands and False."""
        try:
            return self.move(progress, state, event, **data), True
        except SaleTransitionError:
            log.info("sale %s: %s refused (the sale already moved on)", progress.reference, event)
            return self.progress(progress.reference), False


def _logged(progress: SaleProgress, event: str) -> SaleProgress:
    """One INFO line per state change, so that a store's support can follow a sale in the
    log: reference, kind, operator, amount and the masked line (never a full line, a
    payer's document or email, or a key: the progress holds none of them)."""
    log.info(
        "sale %s %s -> %s: %s, operator %s, %s COP, line %s",
        progress.reference,
        event,
        progress.state,
        progress.kind,
        progress.operator_id,
        progress.amount_pesos,
        progress.line_masked or "-",
    )
    return progress
