"""A year of sales in a journal, fast: for the history and report tests and the benchmarks.

:func:`seed_sales` writes ``count`` realistic sales spread over ``days`` from
``start`` (store hours, America/Bogota): top-ups and gift packs to Claro,
Movistar, Tigo and WOM, sold by Ana, Luis and Marta, paid by checkout or
assisted PSE (a few after a declined first attempt), delivered with the
provider's discount (what the store earns, ~5 %), and the rest declined,
cancelled, expired, paid but not delivered (some of them settled), still
pending or of unknown delivery. Each move is one the sale's state machine
allows and carries the picked gateway and provider fields the services
journal.

Entries are built in Python exactly as :meth:`Journal.record` builds them (the
chain's canonical encoding and hash, the projection's rows, the line's keyed
hash with the journal's own secret) and bulk-inserted in one write transaction,
so a seeded journal passes :meth:`Journal.verify`. 200,000 sales (about a
million entries) take seconds, not the hours one ``record`` each would.

The same ``seed`` gives the same sales (references, lines, amounts, times,
outcomes) on any journal; only the journal's own ids differ.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select

from kiosk.domain.lines import mask_line
from kiosk.domain.sale import SaleKind, SaleState, can_transition
from kiosk.journal import chain
from kiosk.journal.engine import write_transaction
from kiosk.journal.journal import Journal
from kiosk.journal.projection import apply_entry
from kiosk.journal.references import attempt_reference, new_reference
from kiosk.journal.schema import journal_entries, sale_lines, sales

S = SaleState
STORE_ZONE = ZoneInfo("America/Bogota")

#: Operator name -> (the provider's operator id, the provider's discount rate, mobile prefixes).
OPERATORS: Mapping[str, tuple[int, Decimal, tuple[str, ...]]] = {
    "Claro": (173, Decimal("0.05"), ("310", "311", "312", "313", "314", "320", "321")),
    "Movistar": (174, Decimal("0.045"), ("315", "316", "317", "318")),
    "Tigo": (175, Decimal("0.055"), ("300", "301", "302", "304", "305")),
    "WOM": (176, Decimal("0.06"), ("324", "333", "350", "351")),
}
_OPERATOR_WEIGHTS = (45, 25, 20, 10)
CLERKS = ("Ana", "Luis", "Marta")
_CLERK_WEIGHTS = (45, 35, 20)
TOPUP_AMOUNTS = (2_000, 3_000, 5_000, 10_000, 15_000, 20_000, 30_000, 50_000)
_TOPUP_WEIGHTS = (8, 10, 25, 28, 8, 12, 5, 4)
#: Gift pack name -> price in pesos.
PACKS: Mapping[str, int] = {
    "Paquete 3 días": 6_000,
    "Paquete 7 días": 12_000,
    "Paquete 15 días": 20_000,
    "Paquete 30 días": 35_000,
}
GIFT_SHARE = 0.15
_PACK_NAMES = tuple(PACKS)
#: Hours the store sells (Bogota time), with how busy each is.
_HOURS = tuple(range(7, 21))
_HOUR_WEIGHTS = (2, 4, 6, 7, 8, 7, 6, 6, 7, 8, 9, 8, 6, 3)

# Outcomes and their weights in 10,000 sales.
_OUTCOMES: tuple[tuple[str, int], ...] = (
    ("delivered", 8_700),
    ("declined", 450),
    ("cancelled", 200),
    ("expired", 150),
    ("paid_not_delivered", 150),
    ("settled", 50),
    ("payment_pending", 100),
    ("delivery_unknown", 100),
    ("payment_failed", 100),
)
_CHUNK = 50_000
_BULK_CACHE_KIB = 512 * 1024
_CHECK_EVERY = 997  # every so many entries, the hash is recomputed by chain.entry_hash
_ENCODE = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
).encode
_ENCODE_ASCII = json.JSONEncoder(sort_keys=True, separators=(",", ":"), allow_nan=False).encode
_EPOCH = datetime(1970, 1, 1)


@dataclass(frozen=True)
class Tally:
    """How many sales and their pesos."""

    count: int = 0
    pesos: int = 0


@dataclass(frozen=True)
class SeedSummary:
    """What was seeded, to compare with what the journal (its reports, its search) says.

    The tallies are by the sale's final state; by operator, clerk, kind and store
    day (America/Bogota) over every sale; ``earned_minor`` sums each sale's
    ``earned_minor`` by ``earned_currency`` (delivered top-ups and packs).
    """

    count: int
    entries: int
    start: datetime
    end: datetime
    first_reference: str
    last_reference: str
    first_seq: int
    last_seq: int
    by_state: Mapping[SaleState, Tally]
    by_operator: Mapping[str, Tally]
    by_clerk: Mapping[str, Tally]
    by_kind: Mapping[SaleKind, Tally]
    by_day: Mapping[date, Tally]
    earned_minor: Mapping[str, int]
    #: How many sales have a payment attempt after the first (``<reference>-2``).
    retried: int = 0
    #: Lines sold to more than once (a few regular customers), with their sale count.
    repeat_lines: Mapping[str, int] = field(default_factory=dict)


@dataclass
class _Sale:
    reference: str
    kind: SaleKind
    amount: int
    operator: str
    clerk: str
    line: str
    sender: str | None
    pack: str | None
    outcome: str
    retried: bool
    assisted: bool
    steps: list[tuple[int, S, str, dict[str, Any]]] = field(default_factory=list)


def _timestamp(micros: int) -> str:
    """The chain's timestamp text of a moment given in microseconds since the epoch."""
    return (_EPOCH + timedelta(microseconds=micros)).isoformat(timespec="microseconds") + "Z"


def _micros(moment: datetime) -> int:
    delta = moment.astimezone(UTC).replace(tzinfo=None) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _amount_text(value: Decimal) -> int | str:
    """As ``TopupResult.journal_fields`` writes amounts: whole ones as ints, else decimal text."""
    return int(value) if value == value.to_integral_value() else str(value)


_SECOND = 1_000_000


class _Builder:
    """Makes the sales: what was sold, to whom, and each move with its payload."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._random = rng.random
        self._ids = 10_000_000
        self._references: set[str] = set()
        self._prefixes = {name: prefixes for name, (_, _, prefixes) in OPERATORS.items()}
        # A pool of lines per operator: some customers come back.
        self._regulars: dict[str, list[str]] = {name: [] for name in OPERATORS}

    def _int(self, low: int, high: int) -> int:
        """A whole number in ``[low, high]`` (``randint`` costs more and a seed is all we need)."""
        return low + int(self._random() * (high - low + 1))

    def _pick(self, items: tuple[str, ...] | list[str]) -> str:
        return items[int(self._random() * len(items))]

    def _line(self, operator: str) -> str:
        regulars = self._regulars[operator]
        if regulars and self._random() < 0.3:
            return self._pick(regulars)
        line = self._pick(self._prefixes[operator]) + f"{self._int(0, 9_999_999):07d}"
        if len(regulars) < 500:
            regulars.append(line)
        return line

    def _reference(self, micros: int) -> str:
        moment = datetime.fromtimestamp(micros // _SECOND, UTC)
        while True:
            reference = new_reference(lambda: moment, self._rng.getrandbits)
            if reference not in self._references:
                self._references.add(reference)
                return reference

    def sale(
        self, created: int, outcome: str, operator: str, clerk: str, amount: int, gift: bool
    ) -> _Sale:
        pack = self._pick(_PACK_NAMES) if gift else None
        line = self._line(operator)
        sender = None
        if gift and self._random() < 0.4:
            sender = self._line(operator)
            if sender == line:
                sender = None
        sale = _Sale(
            reference=self._reference(created),
            kind=SaleKind.GIFT_PACK if gift else SaleKind.TOPUP,
            amount=PACKS[pack] if pack else amount,
            operator=operator,
            clerk=clerk,
            line=line,
            sender=sender,
            pack=pack,
            outcome=outcome,
            retried=outcome == "delivered" and self._random() < 0.05,
            assisted=self._random() < 0.3,
        )
        self._steps(sale, created)
        return sale

    # -- a sale's moves ------------------------------------------------------------------

    def _steps(self, sale: _Sale, created: int) -> None:
        seconds = self._int
        at = created
        created_data: dict[str, Any] = {
            "operator_id": OPERATORS[sale.operator][0],
            "operator_name": sale.operator,
            "clerk": sale.clerk,
        }
        if sale.pack:
            created_data["pack_name"] = sale.pack
        steps = sale.steps
        steps.append((at, S.CREATED, "sale_created", created_data))
        if sale.outcome == "cancelled":
            steps.append((at + seconds(5, 90) * _SECOND, S.CANCELLED, "sale_abandoned", {}))
            return
        at = self._attempt(sale, at, 1)
        if sale.outcome in ("declined", "payment_failed") or sale.retried:
            at += seconds(30, 300) * _SECOND
            declined = self._gateway(sale, 1, "DECLINED")
            steps.append((at, S.PAYMENT_FAILED, "payment_failed", {"gateway": declined}))
            if sale.outcome == "declined":
                at += seconds(5, 60) * _SECOND
                steps.append((at, S.DECLINED, "sale_closed", {"gateway_status": "DECLINED"}))
                return
            if sale.outcome == "payment_failed":
                return
            at = self._attempt(sale, at + seconds(10, 60) * _SECOND, 2)
        if sale.outcome == "payment_pending":
            return
        if sale.outcome == "expired":
            at += 900 * _SECOND
            steps.append((at, S.EXPIRED_UNCONFIRMED, "checkout_expired", {}))
            at += seconds(60, 600) * _SECOND
            steps.append((at, S.EXPIRED, "sale_closed", {"gateway_status": ""}))
            return
        attempt = 2 if sale.retried else 1
        at += seconds(30, 240) * _SECOND
        approved = {"gateway": self._gateway(sale, attempt, "APPROVED")}
        steps.append((at, S.PAID, "payment_approved", approved))
        at += seconds(200_000, 2_000_000)
        steps.append((at, S.DELIVERY_REQUESTED, "delivery_requested", {}))
        at += seconds(1, 15) * _SECOND
        if sale.outcome == "delivery_unknown":
            steps.append((at, S.DELIVERY_UNKNOWN, "delivery_outcome_unknown", {}))
        elif sale.outcome in ("paid_not_delivered", "settled"):
            refusal = self._pick(("INVALID_PHONE_NUMBER", "OPERATOR_NOT_IN_SERVICE"))
            steps.append((at, S.PAID_NOT_DELIVERED, "delivery_refused", {"refusal": refusal}))
            if sale.outcome == "settled":
                at += seconds(3_600, 86_400) * _SECOND
                how = self._pick(("refunded in cash", "topped up by hand"))
                steps.append((at, S.SETTLED, "sale_settled", {"how": how}))
        else:
            steps.append((at, S.DELIVERED, "delivered", {"provider": self._provider(sale, at)}))

    def _attempt(self, sale: _Sale, at: int, attempt: int) -> int:
        reference = attempt_reference(sale.reference, attempt)
        at += self._int(2, 10) * _SECOND
        if sale.assisted:
            data = {"mode": "assisted", "attempt": attempt, "attempt_reference": reference}
            sale.steps.append((at, S.PAYMENT_REQUESTED, "payment_requested", data))
            at += self._int(1, 4) * _SECOND
            pending = {"gateway": self._gateway(sale, attempt, "PENDING")}
            sale.steps.append((at, S.PAYMENT_PENDING, "payment_pending", pending))
            return at
        expires = _EPOCH + timedelta(microseconds=at + 900 * _SECOND)
        data = {
            "mode": "checkout",
            "attempt": attempt,
            "attempt_reference": reference,
            # As kiosk.gateways.pse.format_expiration writes it: milliseconds and a Z.
            "expires_at": expires.isoformat(timespec="milliseconds") + "Z",
        }
        sale.steps.append((at, S.PAYMENT_PENDING, "checkout_issued", data))
        return at

    def _gateway(self, sale: _Sale, attempt: int, status: str) -> dict[str, Any]:
        number = self._int
        fields: dict[str, Any] = {
            "id": f"{number(10_000, 99_999)}-{number(1_600_000_000, 1_800_000_000)}"
            f"-{number(10_000, 99_999)}",
            "reference": attempt_reference(sale.reference, attempt),
            "status": status,
            "amount_in_cents": sale.amount * 100,
            "currency": "COP",
            "payment_method_type": "PSE",
        }
        if status != "PENDING":
            fields["traceability_code"] = str(number(1_000_000, 9_999_999))
        return fields

    def _provider(self, sale: _Sale, at: int) -> dict[str, Any]:
        operator_id, rate, _ = OPERATORS[sale.operator]
        discount = (Decimal(sale.amount) * rate).quantize(Decimal("0.01"))
        self._ids += self._int(1, 9)
        return {
            "transactionId": self._ids,
            "status": "SUCCESSFUL",
            "customIdentifier": sale.reference,
            "requestedAmount": sale.amount,
            "requestedAmountCurrencyCode": "COP",
            "deliveredAmount": sale.amount,
            "operatorTransactionId": f"OP-{self._int(0, 16**10 - 1):010X}",
            # As the provider writes it: UTC, no zone, to the second.
            "transactionDate": (_EPOCH + timedelta(microseconds=at)).isoformat(" ", "seconds"),
            "operatorId": operator_id,
            "discount": _amount_text(discount),
            "discountCurrencyCode": "COP",
        }


def _created_times(rng: random.Random, count: int, start: datetime, days: int) -> list[int]:
    """``count`` moments in ``[start, start + days)``, in store hours, sorted."""
    first, end = _micros(start), _micros(start + timedelta(days=days))
    local = start.astimezone(STORE_ZONE)
    midnight = _micros(local.replace(hour=0, minute=0, second=0, microsecond=0))
    hours = rng.choices(_HOURS, _HOUR_WEIGHTS, k=count)
    moments: list[int] = []
    draw = rng.random
    for hour in hours:
        while True:
            day = int(draw() * (days + 1))
            moment = (
                midnight + ((day * 24 + hour) * 3_600) * _SECOND + int(draw() * 3_600 * _SECOND)
            )
            if first <= moment < end:
                break
        moments.append(moment)
    moments.sort()
    return moments


def seed_sales(
    journal: Journal, *, count: int, start: datetime, days: int = 365, seed: int = 1
) -> SeedSummary:
    """Append ``count`` sales created in ``[start, start + days)`` to ``journal`` (see above).

    ``start`` is an aware datetime. The entries follow whatever the journal
    already holds (its chain goes on); the journal must have its line secret.
    Seeding one journal twice takes another ``seed`` (the same one makes the
    same references, which the database refuses).
    """
    if count < 1 or days < 1:
        raise ValueError("count and days must be positive")
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("start must be timezone-aware")
    journal.line_digest("3000000000")  # journal.no_line_secret before any work
    rng = random.Random(seed)
    actor = f"kiosk:{journal.meta['kiosk_id'][:12]}"
    builder = _Builder(rng)
    outcomes = rng.choices([name for name, _ in _OUTCOMES], [w for _, w in _OUTCOMES], k=count)
    operators = rng.choices(tuple(OPERATORS), _OPERATOR_WEIGHTS, k=count)
    clerks = rng.choices(CLERKS, _CLERK_WEIGHTS, k=count)
    amounts = rng.choices(TOPUP_AMOUNTS, _TOPUP_WEIGHTS, k=count)
    gifts = [rng.random() < GIFT_SHARE for _ in range(count)]
    sold = [
        builder.sale(*sale)
        for sale in zip(
            _created_times(rng, count, start, days),
            outcomes,
            operators,
            clerks,
            amounts,
            gifts,
            strict=True,
        )
    ]
    # Every move of every sale, in time order (sales interleave as at a real counter).
    moves = sorted(
        (step[0], index, position)
        for index, sale in enumerate(sold)
        for position, step in enumerate(sale.steps)
    )
    with write_transaction(journal.engine) as connection:
        return _write(connection, journal, sold, moves, actor, start, days)


def _write(
    connection: Connection,
    journal: Journal,
    sold: list[_Sale],
    moves: list[tuple[int, int, int]],
    actor: str,
    start: datetime,
    days: int,
) -> SeedSummary:
    last = connection.execute(
        select(journal_entries.c.seq, journal_entries.c.hash)
        .order_by(journal_entries.c.seq.desc())
        .limit(1)
    ).first()
    seq, prev_hash = (last.seq, last.hash) if last else (0, journal.meta["genesis_hash"])
    first_seq = seq + 1
    digests: dict[str, str] = {}

    def digest(line: str) -> str:
        found = digests.get(line)
        if found is None:
            found = digests[line] = journal.line_digest(line)
        return found

    actor_json = json.dumps(actor, ensure_ascii=False)
    entry_columns = [column.name for column in journal_entries.columns]
    row_of = itemgetter(*entry_columns)
    rows: dict[int, dict[str, Any]] = {}
    states: dict[int, SaleState] = {}
    entries: list[tuple[Any, ...]] = []
    for number, (at, index, position) in enumerate(moves):
        sale = sold[index]
        _, state, event, data = sale.steps[position]
        payload = data
        if state is S.CREATED:
            payload = {
                **data,
                "amount_pesos": sale.amount,
                "line_hmac": digest(sale.line),
                "line_masked": mask_line(sale.line),
            }
            if sale.sender is not None:
                payload["sender_line_hmac"] = digest(sale.sender)
                payload["sender_line_masked"] = mask_line(sale.sender)
        seq += 1
        created_at = _timestamp(at)
        # The moves' own payloads are ASCII by construction: the faster encoder writes the same.
        payload_text = _ENCODE(payload) if state is S.CREATED else _ENCODE_ASCII(payload)
        # chain.entry_hash's canonical body, keys in code-point order, built without re-encoding.
        body = (
            f'{{"actor":{actor_json},"created_at":"{created_at}","event":"{event}",'
            f'"kind":"{sale.kind}","payload":{payload_text},"reference":"{sale.reference}",'
            f'"seq":{seq},"state":"{state}"}}'
        )
        entry_hash = hashlib.sha256(prev_hash.encode("ascii") + body.encode("utf-8")).hexdigest()
        entry = {
            "seq": seq,
            "created_at": created_at,
            "reference": sale.reference,
            "kind": str(sale.kind),
            "event": event,
            "state": str(state),
            "actor": actor,
            "payload": payload,
            "prev_hash": prev_hash,
            "hash": entry_hash,
        }
        if number % _CHECK_EVERY == 0 and chain.entry_hash(prev_hash, entry) != entry_hash:
            raise AssertionError("seeding's entry hash differs from the chain's")
        if not can_transition(states.get(index), state):
            raise AssertionError(f"seeding made an illegal move to {state}")
        states[index] = state
        rows[index] = apply_entry(rows.get(index), entry)
        entry["payload"] = payload_text
        entries.append(row_of(entry))
        prev_hash = entry_hash
    final = [rows[index] for index in range(len(sold))]
    sale_columns = [column.name for column in sales.columns]
    with _bulk_session(connection):
        _bulk_insert(connection, journal_entries.name, entry_columns, entries)
        _bulk_insert(
            connection,
            sales.name,
            sale_columns,
            [tuple(row[name] for name in sale_columns) for row in final],
        )
        _bulk_insert(
            connection,
            sale_lines.name,
            ["reference", "line", "sender_line", "stored_at"],
            [
                (sale.reference, sale.line, sale.sender, row["created_at"])
                for sale, row in zip(sold, final, strict=True)
            ],
        )
    return _summary(sold, final, len(moves), first_seq, seq, start, days)


@contextmanager
def _bulk_session(connection: Connection) -> Iterator[None]:
    """On SQLite, a page cache big enough that the indexes are not re-read page by page."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default


def _bulk_insert(
    connection: Connection, table: str, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """``executemany`` straight to the driver (no per-row compiling), in chunks."""
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    )
    for first in range(0, len(rows), _CHUNK):
        connection.exec_driver_sql(statement, rows[first : first + _CHUNK])


def _summary(
    sold: list[_Sale],
    final: list[dict[str, Any]],
    entries: int,
    first_seq: int,
    last_seq: int,
    start: datetime,
    days: int,
) -> SeedSummary:
    tallies: dict[str, dict[Any, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    earned: Counter[str] = Counter()
    for sale, row in zip(sold, final, strict=True):
        created = datetime.fromtimestamp(sale.steps[0][0] // _SECOND, STORE_ZONE).date()
        for name, key in (
            ("state", S(row["state"])),
            ("operator", sale.operator),
            ("clerk", sale.clerk),
            ("kind", sale.kind),
            ("day", created),
        ):
            tally = tallies[name][key]
            tally[0] += 1
            tally[1] += sale.amount
        if row["earned_minor"] is not None:
            earned[str(row["earned_currency"])] += int(row["earned_minor"])
    lines = Counter(sale.line for sale in sold)

    def frozen(name: str) -> dict[Any, Tally]:
        return {key: Tally(count, pesos) for key, (count, pesos) in tallies[name].items()}

    ordered = sorted(final, key=lambda row: (row["created_at"], row["reference"]))
    return SeedSummary(
        count=len(sold),
        entries=entries,
        start=start,
        end=start + timedelta(days=days),
        first_reference=ordered[0]["reference"],
        last_reference=ordered[-1]["reference"],
        first_seq=first_seq,
        last_seq=last_seq,
        by_state=frozen("state"),
        by_operator=frozen("operator"),
        by_clerk=frozen("clerk"),
        by_kind=frozen("kind"),
        by_day=frozen("day"),
        earned_minor=dict(earned),
        retried=sum(sale.retried for sale in sold),
        repeat_lines={line: n for line, n in lines.items() if n > 1},
    )
