"""The settings a store's admin may change, and the rule each value must meet (pure).

Every setting is named ``section.key`` after its place in ``config.toml`` (``kiosk_name``
lives at the top of the file, so it has no section): ``store.nit``, ``printer.target``,
``limits.line_daily_count``... :data:`FIELDS` lists them in the order a form shows them,
each with its label (a Spanish source in the ``SettingsFields`` context, for
``kiosk.controllers.language.text``), its kind, and whether a change applies at once
(``live``) or at the next start.

:func:`parse_field` turns what a person typed (text) or a value already typed (an int,
a tuple) into the value kept, or raises a :class:`~kiosk.domain.errors.ValidationError`
saying what is wrong with that one field. :func:`check_together` holds the rules between
fields (the minimum top-up not above the maximum, presets within them).
:func:`validate` runs both over a set of values and gives every error at once, by field.

Keys (``kind == "secret"``) are write-only: a form only says whether each is set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from kiosk.domain.errors import KioskError, ValidationError
from kiosk.domain.money import Pesos, parse_pesos
from kiosk.domain.nit import normalize_nit
from kiosk.domain.operators import COLOMBIAN_BRANDS, canonical_brand
from kiosk.domain.printer_target import parse_target
from kiosk.domain.staff import check_not_personal
from kiosk.domain.text import LANGUAGES, QT_TRANSLATE_NOOP

Kind = Literal[
    "text",
    "notice",
    "nit",
    "count",
    "amount",
    "pesos",
    "url",
    "secret",
    "printer",
    "paper",
    "language",
    "operators",
    "presets",
]

#: The translation context of the fields' labels.
LABELS = "SettingsFields"
#: Paper widths a receipt printer may have, in millimetres.
PAPER_WIDTHS = (58, 80)


@dataclass(frozen=True)
class SettingField:
    """One setting: ``name`` is ``section.key`` (or the bare key at the top of the file)."""

    name: str
    #: Spanish source of the field's label, in the :data:`LABELS` context.
    label: str
    kind: Kind
    #: A change takes effect at once (else at the next start of the app).
    live: bool
    #: Text that may not be left empty.
    required: bool = False
    #: For counts, amounts and pesos: the smallest and largest allowed (``None``: no largest).
    low: int = 0
    high: int | None = None
    #: For texts: the most characters allowed.
    max_length: int = 200

    @property
    def section(self) -> str:
        """The TOML table the value lives in ("" for the top of the file)."""
        return self.name.rpartition(".")[0]

    @property
    def key(self) -> str:
        return self.name.rpartition(".")[2]

    @property
    def secret(self) -> bool:
        """A key: write-only, never shown."""
        return self.kind == "secret"


def _f(name: str, label: str, kind: Kind, live: bool, **rules: Any) -> SettingField:
    return SettingField(name, label, kind, live, **rules)


#: Every setting, in the order a form shows them.
FIELDS: tuple[SettingField, ...] = (
    _f(
        "store.business_name",
        QT_TRANSLATE_NOOP("SettingsFields", "Razón social"),
        "text",
        True,
        required=True,
        max_length=120,
    ),
    _f("store.nit", QT_TRANSLATE_NOOP("SettingsFields", "NIT"), "nit", True),
    _f(
        "store.name",
        QT_TRANSLATE_NOOP("SettingsFields", "Nombre de la tienda"),
        "text",
        True,
        required=True,
        max_length=80,
    ),
    _f(
        "kiosk_name",
        QT_TRANSLATE_NOOP("SettingsFields", "Nombre de la caja"),
        "text",
        True,
        required=True,
        max_length=40,
    ),
    _f(
        "store.contact",
        QT_TRANSLATE_NOOP("SettingsFields", "Contacto para reclamos"),
        "text",
        True,
        max_length=200,
    ),
    _f(
        "store.privacy_notice",
        QT_TRANSLATE_NOOP("SettingsFields", "Aviso de privacidad"),
        "notice",
        True,
        max_length=4000,
    ),
    _f(
        "store.privacy_notice_en",
        QT_TRANSLATE_NOOP("SettingsFields", "Aviso de privacidad en inglés"),
        "notice",
        True,
        max_length=4000,
    ),
    _f("printer.target", QT_TRANSLATE_NOOP("SettingsFields", "Impresora"), "printer", True),
    _f(
        "printer.paper_mm",
        QT_TRANSLATE_NOOP("SettingsFields", "Ancho del papel (mm)"),
        "paper",
        True,
    ),
    _f("ui.language", QT_TRANSLATE_NOOP("SettingsFields", "Idioma"), "language", True),
    _f(
        "limits.float_warning_below",
        QT_TRANSLATE_NOOP(
            "SettingsFields",
            "Avisar cuando el saldo con el proveedor (en la moneda de esa cuenta) baje de",
        ),
        "amount",
        True,
        high=10**9,
    ),
    _f(
        "ui.idle_seconds",
        QT_TRANSLATE_NOOP("SettingsFields", "Segundos sin uso antes de volver al inicio"),
        "count",
        True,  # the kiosk's idle reset follows a save at once
        low=10,
        high=3600,
    ),
    _f(
        "catalogue.operators",
        QT_TRANSLATE_NOOP("SettingsFields", "Operadores que se venden"),
        "operators",
        False,
    ),
    _f(
        "limits.topup_min_pesos",
        QT_TRANSLATE_NOOP("SettingsFields", "Recarga mínima"),
        "pesos",
        False,
        low=1,
        high=10**9,
    ),
    _f(
        "limits.topup_max_pesos",
        QT_TRANSLATE_NOOP("SettingsFields", "Recarga máxima"),
        "pesos",
        False,
        low=1,
        high=10**9,
    ),
    _f(
        "limits.topup_presets_pesos",
        QT_TRANSLATE_NOOP("SettingsFields", "Montos sugeridos"),
        "presets",
        False,
    ),
    _f(
        "limits.line_daily_count",
        QT_TRANSLATE_NOOP("SettingsFields", "Ventas por línea al día (máximo)"),
        "count",
        True,
        low=1,
        high=10**6,
    ),
    _f(
        "limits.line_daily_pesos",
        QT_TRANSLATE_NOOP("SettingsFields", "Pesos por línea al día (máximo)"),
        "pesos",
        True,
        low=1,
        high=10**12,
    ),
    _f(
        "limits.kiosk_hourly_count",
        QT_TRANSLATE_NOOP("SettingsFields", "Ventas de esta caja por hora (máximo)"),
        "count",
        True,
        low=1,
        high=10**6,
    ),
    _f(
        "limits.kiosk_hourly_pesos",
        QT_TRANSLATE_NOOP("SettingsFields", "Pesos de esta caja por hora (máximo)"),
        "pesos",
        True,
        low=1,
        high=10**12,
    ),
    _f(
        "journal.retention_days",
        QT_TRANSLATE_NOOP("SettingsFields", "Días que se guardan las líneas completas"),
        "count",
        False,
        low=1,
        high=3650,
    ),
    _f(
        "pse.base_url",
        QT_TRANSLATE_NOOP("SettingsFields", "Dirección de la pasarela PSE"),
        "url",
        False,
    ),
    _f(
        "pse.checkout_base_url",
        QT_TRANSLATE_NOOP("SettingsFields", "Dirección del pago con QR"),
        "url",
        False,
    ),
    _f(
        "pse.public_key",
        QT_TRANSLATE_NOOP("SettingsFields", "Llave pública de la pasarela"),
        "text",
        False,
        max_length=200,
    ),
    _f(
        "pse.private_key",
        QT_TRANSLATE_NOOP("SettingsFields", "Llave privada de la pasarela"),
        "secret",
        False,
    ),
    _f(
        "pse.integrity_secret",
        QT_TRANSLATE_NOOP("SettingsFields", "Secreto de integridad"),
        "secret",
        False,
    ),
    _f(
        "pse.events_secret",
        QT_TRANSLATE_NOOP("SettingsFields", "Secreto de eventos"),
        "secret",
        False,
    ),
    _f(
        "topups.base_url",
        QT_TRANSLATE_NOOP("SettingsFields", "Dirección del proveedor de recargas"),
        "url",
        False,
    ),
    _f(
        "topups.auth_url",
        QT_TRANSLATE_NOOP("SettingsFields", "Dirección de acceso del proveedor"),
        "url",
        False,
    ),
    _f(
        "topups.audience",
        QT_TRANSLATE_NOOP("SettingsFields", "Audiencia del proveedor"),
        "text",
        False,
        max_length=200,
    ),
    _f(
        "topups.client_id",
        QT_TRANSLATE_NOOP("SettingsFields", "Identificador de cliente del proveedor"),
        "text",
        False,
        max_length=200,
    ),
    _f(
        "topups.client_secret",
        QT_TRANSLATE_NOOP("SettingsFields", "Secreto de cliente del proveedor"),
        "secret",
        False,
    ),
    _f(
        "lines.base_url",
        QT_TRANSLATE_NOOP("SettingsFields", "Dirección del servicio de saldo"),
        "url",
        False,
    ),
    _f(
        "lines.api_key",
        QT_TRANSLATE_NOOP("SettingsFields", "Llave del servicio de saldo"),
        "secret",
        False,
    ),
)
FIELDS_BY_NAME: Mapping[str, SettingField] = {field.name: field for field in FIELDS}
#: The settings that apply without a restart (clerk PINs too, through the staff service).
LIVE: frozenset[str] = frozenset(field.name for field in FIELDS if field.live)
SECRETS: frozenset[str] = frozenset(field.name for field in FIELDS if field.secret)


class SettingsRefused(KioskError):
    """Some values were refused; nothing was saved. ``errors`` maps each field to its error."""

    def __init__(self, errors: Mapping[str, KioskError]) -> None:
        super().__init__("settings.refused", count=len(errors), fields=sorted(errors))
        self.errors: Mapping[str, KioskError] = dict(errors)


# -- one field -----------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f]")
_DIGITS = re.compile(r"^[0-9]+$")
#: Digits grouped by three with a dot (Colombian ``500.000``) or a space (``500 000``).
_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+$|^[0-9]{1,3}(?: [0-9]{3})+$")


def _encodable(text: str) -> bool:
    """False for text UTF-8 cannot hold (a lone surrogate pasted in): the file could not."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(field: SettingField, value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("settings.not_text")
    multi_line = field.kind == "notice"
    written = value.replace("\r\n", "\n").strip() if multi_line else value.strip()
    if (_CONTROL if multi_line else _CONTROL_OR_NEWLINE).search(written) or not _encodable(written):
        raise ValidationError("settings.control_characters")
    if field.required and not written:
        raise ValidationError("settings.required")
    if len(written) > field.max_length:
        raise ValidationError("settings.too_long", limit=field.max_length)
    return written


def _whole(value: object) -> int:
    """An int from an int or from digits (``"300.000"`` as pesos is ``_pesos``'s job)."""
    if isinstance(value, bool):
        raise ValidationError("settings.not_a_number", value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, str) and not value.strip():
        raise ValidationError("settings.required")
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        return int(value.strip())
    if isinstance(value, str) and value.strip().startswith("-"):
        raise ValidationError("settings.negative")
    raise ValidationError("settings.not_a_number", value=str(value).strip())


def _amount(value: object) -> int:
    """A whole amount in a currency that may not be pesos (the provider's account): digits
    as typed plainly (``500000``) or grouped by three (``500.000``, ``500 000``)."""
    if isinstance(value, str) and _GROUPED.match(value.strip()):
        return int(value.strip().replace(".", "").replace(" ", ""))
    return _whole(value)


def _in_range(field: SettingField, number: int, *, pesos: bool) -> int:
    def shown(limit: int) -> int:
        return Pesos(limit) if pesos else limit

    if number < 0:
        raise ValidationError("settings.negative")
    if number < field.low:
        raise ValidationError("settings.too_small", low=shown(field.low))
    if field.high is not None and number > field.high:
        raise ValidationError("settings.too_large", high=shown(field.high))
    return number


def _pesos(value: object) -> int:
    if isinstance(value, str):
        return parse_pesos(value)
    return _whole(value)


def _url(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("settings.not_text")
    written = value.strip()
    if not written:
        return ""  # no gateway: the embedded sandbox
    try:
        parts = urlsplit(written)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise ValidationError("settings.bad_url", url=written) from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or _CONTROL_OR_NEWLINE.search(written)
        or " " in written
        or parts.username
        or parts.password
    ):
        raise ValidationError("settings.bad_url", url=written)
    return written


def _secret(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("settings.not_text")
    written = value.strip()
    if _CONTROL_OR_NEWLINE.search(written) or len(written) > 4096:
        raise ValidationError("settings.bad_key")
    return written


def _paper(value: object) -> int:
    try:
        number = _whole(value)
    except ValidationError:
        number = -1
    if number not in PAPER_WIDTHS:
        raise ValidationError("settings.paper", paper_mm=str(value).strip())
    return number


def _language(value: object) -> str:
    if not isinstance(value, str) or value.strip() not in LANGUAGES:
        raise ValidationError("settings.language", language=str(value).strip())
    return value.strip()


def _items(value: object) -> list[object]:
    if isinstance(value, str):
        return [item for item in (part.strip() for part in value.split(",")) if item]
    if isinstance(value, list | tuple):
        return list(value)
    raise ValidationError("settings.not_a_list")


def _operators(value: object) -> tuple[str, ...]:
    """The brands sold, each one of :data:`~kiosk.domain.operators.COLOMBIAN_BRANDS` in its
    canonical spelling (sales are matched by brand: a typo would stop that brand's sales)."""
    names: list[str] = []
    for item in _items(value):
        if not isinstance(item, str) or not item.strip() or _CONTROL_OR_NEWLINE.search(item):
            raise ValidationError("settings.operator_name", name=str(item))
        brand = canonical_brand(item)
        if not brand:
            raise ValidationError(
                "settings.operator_unknown", name=item.strip(), known=", ".join(COLOMBIAN_BRANDS)
            )
        if brand in names:
            raise ValidationError("settings.repeated", item=item.strip())
        names.append(brand)
    return tuple(names)


def _presets(value: object) -> tuple[int, ...]:
    amounts: list[int] = []
    for item in _items(value):
        pesos = _pesos(item)
        if pesos <= 0:
            raise ValidationError("settings.preset_zero")
        if pesos in amounts:
            raise ValidationError("settings.repeated", item=Pesos(pesos))
        amounts.append(pesos)
    if not amounts:
        raise ValidationError("settings.required")
    return tuple(sorted(amounts))


def parse_field(
    field: SettingField,
    value: object,
    *,
    printer_target: Callable[[str], object] = parse_target,
) -> object:
    """``value`` as kept for ``field`` (trimmed text, int, sorted tuple), or raise the
    :class:`ValidationError` saying what is wrong with it.

    ``printer_target`` checks a printer's address (``kiosk.domain.printer_target``'s
    ``parse_target``, the one home of that rule; a test may hand another): whatever it
    raises, the field's error is ``settings.printer_target``. Empty means no printer.
    """
    kind = field.kind
    if field.name == "kiosk_name":
        # Journaled as the seller of every sale nobody signed in for (kiosk mode).
        return check_not_personal(_text(field, value))
    if kind in ("text", "notice"):
        return _text(field, value)
    if kind == "nit":
        if not isinstance(value, str):
            raise ValidationError("settings.not_text")
        return normalize_nit(value)
    if kind == "count":
        return _in_range(field, _whole(value), pesos=False)
    if kind == "amount":
        return _in_range(field, _amount(value), pesos=False)
    if kind == "pesos":
        return _in_range(field, _pesos(value), pesos=True)
    if kind == "url":
        return _url(value)
    if kind == "secret":
        return _secret(value)
    if kind == "printer":
        if not isinstance(value, str):
            raise ValidationError("settings.not_text")
        written = value.strip()
        if written:
            try:
                printer_target(written)
            except KioskError:
                raise ValidationError("settings.printer_target", target=written) from None
        return written
    if kind == "paper":
        return _paper(value)
    if kind == "language":
        return _language(value)
    if kind == "operators":
        return _operators(value)
    if kind == "presets":
        return _presets(value)
    raise AssertionError(f"no rule for {kind}")  # pragma: no cover


# -- between fields ----------------------------------------------------------------------

MINIMUM, MAXIMUM, PRESETS = (
    "limits.topup_min_pesos",
    "limits.topup_max_pesos",
    "limits.topup_presets_pesos",
)


def check_together(values: Mapping[str, object]) -> dict[str, KioskError]:
    """The rules between fields, over a full set of parsed values: the minimum top-up not
    above the maximum (both fields get the error) and every preset within them."""
    errors: dict[str, KioskError] = {}
    low, high, presets = values.get(MINIMUM), values.get(MAXIMUM), values.get(PRESETS)
    if isinstance(low, int) and isinstance(high, int):
        if low > high:
            inverted = ValidationError("settings.inverted", low=Pesos(low), high=Pesos(high))
            errors[MINIMUM] = errors[MAXIMUM] = inverted
        elif isinstance(presets, tuple):
            outside = [amount for amount in presets if not low <= amount <= high]
            if outside:
                errors[PRESETS] = ValidationError(
                    "settings.preset_outside",
                    amount=Pesos(outside[0]),
                    low=Pesos(low),
                    high=Pesos(high),
                )
    return errors


def validate(
    values: Mapping[str, object], *, printer_target: Callable[[str], object] = parse_target
) -> tuple[dict[str, object], dict[str, KioskError]]:
    """Every value of ``values`` parsed, and every error by field (all of them at once).

    A name that is not a setting is ``settings.unknown_field``. The rules between
    fields run over the values that parsed.
    """
    parsed: dict[str, object] = {}
    errors: dict[str, KioskError] = {}
    for name, value in values.items():
        field = FIELDS_BY_NAME.get(name)
        if field is None:
            errors[name] = ValidationError("settings.unknown_field", field=name)
            continue
        try:
            parsed[name] = parse_field(field, value, printer_target=printer_target)
        except ValidationError as error:
            errors[name] = error
    for name, together in check_together(parsed).items():
        errors.setdefault(name, together)
    return parsed, errors
