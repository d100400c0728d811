"""The outside world as the services see it: what they call on each injected part.

The real parts (``kiosk.gateways`` clients, ``kiosk.journal``'s journal and writer)
fit these protocols; tests pass wrappers or fakes that fit them too. The data the
parts answer with (PSE transactions, top-up results, catalogues) are the gateways'
and the domain's own types.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.domain.catalogue import Catalogue, Operator
from kiosk.domain.payer import PayerData
from kiosk.domain.sale import SaleKind, SaleState
from kiosk.gateways.lines import CodeSent, LineBalance
from kiosk.gateways.pse import AcceptanceTokens, Bank, PseTransaction
from kiosk.gateways.topups import AccountBalance, TopupResult
from kiosk.journal.journal import Entry, SaleRecord

if TYPE_CHECKING:
    from sqlalchemy import Engine


class PaymentGateway(Protocol):
    """PSE payments (Wompi-compatible): ``kiosk.gateways.pse.PseClient``."""

    def acceptance_tokens(self) -> AcceptanceTokens: ...
    def banks(self, refresh: bool = False) -> list[Bank]: ...
    def checkout_url(self, reference: str, amount_pesos: int, expires_at: datetime) -> str: ...
    def create_pse_transaction(
        self,
        reference: str,
        amount_pesos: int,
        payer: PayerData,
        bank_code: str,
        description: str,
        tokens: AcceptanceTokens,
        expiration_time: datetime | None = None,
    ) -> PseTransaction: ...
    def get_transaction(self, transaction_id: str) -> PseTransaction: ...
    def find_by_reference(self, reference: str) -> list[PseTransaction]: ...
    def settle_attempts(self, attempts: Sequence[PseTransaction]) -> PseTransaction | None: ...


class TopupProvider(Protocol):
    """Top-ups and gift packs (Reloadly-compatible): ``kiosk.gateways.topups.TopupClient``."""

    def catalogue_for(self, brand: str) -> Catalogue: ...
    def catalogues(self) -> list[Catalogue]: ...
    def account_balance(self) -> AccountBalance: ...
    def detect_operator(self, line: str) -> Operator: ...
    def topup(
        self,
        reference: str,
        operator_id: int,
        amount_pesos: int,
        line: str,
        sender_line: str | None = None,
    ) -> TopupResult: ...
    def find_by_custom_identifier(self, reference: str) -> TopupResult | None: ...
    def get_transaction(self, transaction_id: str) -> TopupResult: ...


class LineServices(Protocol):
    """The operator's line services (one-time code, balance): ``LineServicesClient``."""

    def send_code(self, line: str) -> CodeSent: ...
    def balance(self, line: str, code: str) -> LineBalance: ...


class JournalReader(Protocol):
    """What the services read from the journal (reads may run on any thread)."""

    def entries_for(self, reference: str) -> list[Entry]: ...
    def open_sales(self) -> list[SaleRecord]: ...
    def line_for(self, reference: str, role: str = "line") -> str | None: ...
    def checked_line_for(self, reference: str, role: str = "line") -> str | None:
        """The line, after checking it against its keyed hash in the chain.

        Raises ``JournalError("journal.line_mismatch")`` when the stored line was changed.
        """
        ...

    def sales_to_line(self, line: str, *, changed_since: datetime) -> list[SaleRecord]: ...
    def events(self, event: str, *, reference: str | None = None) -> list[Entry]:
        """Journal-level entries named ``event`` (a reprint, a shift close), oldest first."""
        ...

    @property
    def engine(self) -> Engine:
        """The database, for the sums of ``kiosk.journal.limits`` (reads only)."""
        ...


class JournalWriting(Protocol):
    """The one writer: every write is queued and answered with the written entry."""

    def record(
        self,
        reference: str,
        state: SaleState,
        *,
        event: str,
        actor: str,
        kind: SaleKind | None = None,
        amount_pesos: int | None = None,
        line: str | None = None,
        data: Mapping[str, Any] | None = None,
        sender_line: str | None = None,
    ) -> Future[Entry]: ...
    def record_event(self, event: str, *, actor: str, data: Mapping[str, Any]) -> Future[Entry]:
        """A journal-level entry (a reprint, a settings change), queued like the rest."""
        ...
