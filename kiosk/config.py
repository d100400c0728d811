"""Configuration: defaults that need no file, a TOML file, environment overrides for secrets.

Where things live (platform folders, via platformdirs):

* config: ``<user config dir>/kiosk/config.toml`` (or ``--config PATH``), plus
  ``machine.toml`` written at first start with the permanent kiosk id and the
  per-store line secret (file mode 0600; never copied into the journal);
* data: ``<user data dir>/kiosk/`` for the journal (``journal.sqlite3``) and logs.

Every value a store may change is also a setting (``kiosk.domain.settings``): loading
checks it by the same rule as the settings screen (``config.bad_value`` names the key and
says why: a NIT whose check digit is wrong, a negative or inverted limit, a printer address
that does not parse...), and ``kiosk.services.settings`` saves the file back.

``KIOSK_CONFIG_DIR`` and ``KIOSK_DATA_DIR`` move both folders (tests use them).
Secrets can come from the environment: ``KIOSK_LINE_SECRET``,
``KIOSK_PSE_PRIVATE_KEY``, ``KIOSK_PSE_INTEGRITY_SECRET``, ``KIOSK_PSE_EVENTS_SECRET``,
``KIOSK_TOPUP_CLIENT_SECRET``, ``KIOSK_LINES_API_KEY``.

A config file that holds a secret itself must be private: on POSIX, a file that
other users can read or write (mode & 0o077) is refused with
``config.secrets_exposed`` (fix: ``chmod 600 <file>``). Windows has no such mode
bits, so the check does not apply there; keep the file in the user's own folder.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import stat
import sys
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.domain.calendar import STORE_TIMEZONE
from kiosk.domain.errors import ConfigError, KioskError
from kiosk.domain.settings import FIELDS, FIELDS_BY_NAME, SettingField, check_together, parse_field
from kiosk.domain.text import LANGUAGES, QT_TRANSLATE_NOOP, Text
from kiosk.messages import words

APP_NAME = "kiosk"
TIMEZONE = STORE_TIMEZONE


@dataclass(frozen=True)
class StoreConfig:
    id: str = "store-1"
    #: The store's own name (on the screens and receipts).
    name: str = "Tienda de ejemplo"
    #: The legal name of the business (receipts, reports).
    business_name: str = "Tienda de ejemplo S.A.S."
    #: ``<base>-<digit>``; the DIAN check digit is verified (kiosk.domain.nit).
    nit: str = "900123456-8"
    #: Where a customer sends a claim (phone, e-mail, address), printed on receipts.
    contact: str = ""
    #: The personal-data notice shown and printed (Ley 1581); empty: none.
    privacy_notice: str = ""
    #: The same notice in English (the kiosk shows it in English); empty: the built-in one.
    privacy_notice_en: str = ""


@dataclass(frozen=True)
class PrinterConfig:
    """The receipt printer: ``tcp:HOST:PORT`` or ``HOST:PORT`` (port 9100 by default),
    ``usb:VID:PID`` (hex), ``serial:/dev/ttyUSB0[:BAUD]``, ``file:/path``; empty: none."""

    target: str = ""
    #: Paper width: 58 or 80 mm.
    paper_mm: int = 80


@dataclass(frozen=True)
class LimitsConfig:
    topup_min_pesos: int = 1_000
    topup_max_pesos: int = 100_000
    #: Used when the provider does not give fixed amounts for the operator.
    topup_presets_pesos: tuple[int, ...] = (2_000, 5_000, 10_000, 20_000, 50_000)
    #: Fraud limits: sales to one line per (Bogota) day, and their pesos.
    line_daily_count: int = 5
    line_daily_pesos: int = 300_000
    #: Fraud limits: sales by this kiosk per hour, and their pesos.
    kiosk_hourly_count: int = 60
    kiosk_hourly_pesos: int = 3_000_000
    #: Warn the clerk when the float is under this, in whole units of the float's own
    #: currency (USD for a USD account); 0: never warn.
    float_warning_below: int = 100


@dataclass(frozen=True)
class PaymentConfig:
    default_mode_counter: str = "assisted"
    default_mode_kiosk: str = "checkout"
    checkout_ttl_seconds: int = 600
    poll_fast_seconds: float = 1.0
    poll_fast_window_seconds: int = 120
    poll_slow_seconds: float = 5.0
    reconcile_every_seconds: int = 180
    reconcile_window_hours: int = 24


@dataclass(frozen=True)
class TimeoutsConfig:
    connect_seconds: float = 3.05
    read_seconds: float = 8.0
    #: Wall-clock limit of one call, retries included.
    deadline_seconds: float = 20.0


@dataclass(frozen=True)
class PseGatewayConfig:
    """Wompi-compatible PSE gateway. Empty ``base_url`` means: use the embedded sandbox."""

    base_url: str = ""
    checkout_base_url: str = ""
    public_key: str = ""
    private_key: str = field(default="", repr=False)
    integrity_secret: str = field(default="", repr=False)
    events_secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class TopupGatewayConfig:
    """Reloadly-compatible top-up provider."""

    base_url: str = ""
    auth_url: str = ""
    audience: str = ""
    client_id: str = ""
    client_secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class LinesGatewayConfig:
    """The operator's line-services API (balance with a one-time code)."""

    base_url: str = ""
    api_key: str = field(default="", repr=False)


@dataclass(frozen=True)
class JournalConfig:
    #: SQLAlchemy URL; empty means ``sqlite:///<data dir>/journal.sqlite3``.
    url: str = ""
    retention_days: int = 180


@dataclass(frozen=True)
class CatalogueConfig:
    #: The operators (brands) this store sells, e.g. ``["Claro"]`` for a Claro-branded
    #: kiosk; empty: every Colombian operator the provider lists.
    operators: tuple[str, ...] = ()


@dataclass(frozen=True)
class UiConfig:
    #: ``es`` (Spanish, Colombia: the app's own wording) or ``en``.
    language: str = "es"
    #: Seconds without a touch before a screen goes back to its start.
    idle_seconds: int = 60


@dataclass(frozen=True)
class Config:
    config_dir: Path
    data_dir: Path
    kiosk_id: str
    kiosk_name: str = "Caja 1"
    mode: str = "counter"
    line_secret: bytes = field(default=b"", repr=False)
    store: StoreConfig = StoreConfig()
    printer: PrinterConfig = PrinterConfig()
    limits: LimitsConfig = LimitsConfig()
    payment: PaymentConfig = PaymentConfig()
    timeouts: TimeoutsConfig = TimeoutsConfig()
    pse: PseGatewayConfig = PseGatewayConfig()
    topups: TopupGatewayConfig = TopupGatewayConfig()
    lines: LinesGatewayConfig = LinesGatewayConfig()
    journal: JournalConfig = JournalConfig()
    ui: UiConfig = UiConfig()
    catalogue: CatalogueConfig = CatalogueConfig()

    @property
    def journal_url(self) -> str:
        return self.journal.url or f"sqlite:///{self.data_dir / 'journal.sqlite3'}"

    @property
    def uses_sandbox(self) -> bool:
        """No PSE gateway configured: the app serves payments from the embedded sandbox."""
        return not self.pse.base_url

    @property
    def uses_test_keys(self) -> bool:
        """No real money moves: the embedded sandbox, or a gateway given test keys
        (``pub_test_…``, as Wompi names its sandbox keys). The SANDBOX banner shows."""
        return self.uses_sandbox or self.pse.public_key.startswith(TEST_PUBLIC_KEY_PREFIX)


def default_config_dir() -> Path:
    override = os.environ.get("KIOSK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def default_data_dir() -> Path:
    override = os.environ.get("KIOSK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


_SECTIONS: dict[str, type] = {
    "store": StoreConfig,
    "printer": PrinterConfig,
    "limits": LimitsConfig,
    "payment": PaymentConfig,
    "timeouts": TimeoutsConfig,
    "pse": PseGatewayConfig,
    "topups": TopupGatewayConfig,
    "lines": LinesGatewayConfig,
    "journal": JournalConfig,
    "ui": UiConfig,
    "catalogue": CatalogueConfig,
}
_TOP_LEVEL = {"kiosk_name", "mode", "data_dir"}
#: Wompi's prefix of a sandbox (test) public key; a production key starts ``pub_prod_``.
TEST_PUBLIC_KEY_PREFIX = "pub_test_"
_ENV_SECRETS = {
    ("pse", "private_key"): "KIOSK_PSE_PRIVATE_KEY",
    ("pse", "integrity_secret"): "KIOSK_PSE_INTEGRITY_SECRET",
    ("pse", "events_secret"): "KIOSK_PSE_EVENTS_SECRET",
    ("topups", "client_secret"): "KIOSK_TOPUP_CLIENT_SECRET",
    ("lines", "api_key"): "KIOSK_LINES_API_KEY",
}


#: What a value of each default's type is called in ``config.wrong_type``.
_TYPE_NAMES = {
    int: QT_TRANSLATE_NOOP("messages", "un número entero"),
    float: QT_TRANSLATE_NOOP("messages", "un número"),
    str: QT_TRANSLATE_NOOP("messages", "un texto entre comillas"),
    bool: QT_TRANSLATE_NOOP("messages", "true o false"),
    tuple: QT_TRANSLATE_NOOP("messages", "una lista de números, como [2000, 5000]"),
}
_TEXT_LIST = QT_TRANSLATE_NOOP("messages", "una lista de textos entre comillas")
_ANY_LIST = QT_TRANSLATE_NOOP("messages", "una lista entre corchetes")


def _wrong_type(section: str, key: str, default: Any) -> ConfigError:
    """``config.wrong_type`` naming the type of ``default`` (a list by its items' type)."""
    if isinstance(default, tuple) and not default:
        source = _ANY_LIST
    elif isinstance(default, tuple) and isinstance(default[0], str):
        source = _TEXT_LIST
    else:
        source = _TYPE_NAMES.get(type(default), _TYPE_NAMES[str])
    return ConfigError(
        "config.wrong_type", section=section, key=key, expected=Text("messages", source)
    )


def _items_fit(value: list[Any], default: tuple[Any, ...]) -> bool:
    if not default:
        return True
    kind = type(default[0])
    return all(type(item) is kind for item in value)


def _build_section(name: str, cls: type, values: Any) -> Any:
    if not isinstance(values, dict):
        raise ConfigError("config.section_not_table", section=name)
    known = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError("config.unknown_key", section=name, key=key)
        default = known[key].default
        if isinstance(default, tuple):
            if not isinstance(value, list) or not _items_fit(value, default):
                raise _wrong_type(name, key, default)
            value = tuple(value)
        # An int is fine where a float is expected; a bool never passes for an int.
        elif type(value) is not type(default) and not (
            isinstance(default, float) and type(value) is int
        ):
            raise _wrong_type(name, key, default)
        kwargs[key] = value
    return cls(**kwargs)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError:
        raise ConfigError("config.not_utf8", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config.invalid_toml", path=str(path), detail=str(exc)) from None
    except OSError as exc:
        raise ConfigError("config.unreadable", path=str(path), detail=exc.strerror) from None


def _url_has_password(journal: Any) -> bool:
    """``[journal] url`` with a password in it (``postgresql://user:secret@host/db``)."""
    url = journal.get("url") if isinstance(journal, dict) else None
    if not isinstance(url, str) or "://" not in url:
        return False
    credentials = url.split("://", 1)[1].split("@", 1)
    return len(credentials) == 2 and ":" in credentials[0]


def _refuse_exposed_secrets(path: Path, raw: Mapping[str, Any]) -> None:
    """A file holding a secret must be the owner's alone (POSIX mode bits; not on Windows)."""
    if sys.platform == "win32":
        return
    holds_secret = any(
        isinstance(raw.get(section), dict) and raw[section].get(key)
        for section, key in _ENV_SECRETS
    ) or _url_has_password(raw.get("journal"))
    if not holds_secret:
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise ConfigError("config.unreadable", path=str(path), detail=exc.strerror) from None
    if mode & 0o077:
        raise ConfigError("config.secrets_exposed", path=str(path), mode=f"{mode:03o}")


def _write_private_toml(path: Path, values: Mapping[str, str]) -> None:
    """Write a flat table of strings readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'{key} = "{value}"\n' for key, value in values.items())
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    if hasattr(os, "fchmod"):
        # A leftover temporary file keeps its old mode through O_CREAT: make it private.
        os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("# Written at first start. Keep this file private.\n" + body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _bad_value(field: SettingField, error: KioskError) -> ConfigError:
    return ConfigError(
        "config.bad_value",
        section=field.section,
        key=field.key,
        reason=words(error.code, error.params),
    )


def _check_values(top: Mapping[str, Any], built: Mapping[str, Any]) -> None:
    """Each value meets its setting's rule (kiosk.domain.settings), as the settings screen
    would ask: ``config.bad_value`` naming the key and saying why (the first one found)."""
    values: dict[str, object] = {}
    for setting in FIELDS:
        if setting.secret:
            continue  # keys may come from the environment; the gateways check them
        if setting.section:
            value = getattr(built[setting.section], setting.key)
        else:
            value = top.get(setting.key, Config.__dataclass_fields__[setting.key].default)
        try:
            values[setting.name] = parse_field(setting, value)
        except KioskError as error:
            raise _bad_value(setting, error) from None
    for name, refused in check_together(values).items():
        raise _bad_value(FIELDS_BY_NAME[name], refused)


def ensure_machine_identity(config_dir: Path) -> dict[str, str]:
    """The permanent kiosk id and the per-store line secret, created once."""
    path = config_dir / "machine.toml"
    values = {k: str(v) for k, v in _read_toml(path).items()} if path.exists() else {}
    changed = False
    if "kiosk_id" not in values:
        values["kiosk_id"] = uuid.uuid4().hex
        changed = True
    if "line_secret" not in values:
        values["line_secret"] = secrets.token_hex(32)
        changed = True
    if changed:
        _write_private_toml(path, values)
    return values


def load_config(
    path: Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config_dir: Path | None = None,
    data_dir: Path | None = None,
) -> Config:
    """Defaults, then the TOML file (if any), then environment secrets."""
    env = os.environ if env is None else env
    config_dir = config_dir or default_config_dir()
    file_path = path or config_dir / "config.toml"
    raw: dict[str, Any] = {}
    if file_path.exists():
        raw = _read_toml(file_path)
    elif path is not None:
        raise ConfigError("config.missing_file", path=str(path))

    if raw:
        _refuse_exposed_secrets(file_path, raw)
    sections: dict[str, Any] = {}
    top: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _SECTIONS:
            sections[key] = dict(value) if isinstance(value, dict) else value
        elif key in _TOP_LEVEL:
            if not isinstance(value, str):
                raise _wrong_type("", key, "")
            top[key] = value
        else:
            raise ConfigError("config.unknown_key", section="", key=key)
    for (section, key), variable in _ENV_SECRETS.items():
        if env.get(variable):
            sections.setdefault(section, {})[key] = env[variable]
    built = {
        name: _build_section(name, cls, sections.get(name, {})) for name, cls in _SECTIONS.items()
    }

    if top.get("mode", "counter") not in {"counter", "kiosk"}:
        raise ConfigError("config.bad_mode", mode=top["mode"])
    if not all(isinstance(name, str) and name.strip() for name in built["catalogue"].operators):
        raise _wrong_type("catalogue", "operators", ("text",))
    if built["ui"].language not in LANGUAGES:
        raise ConfigError("config.bad_language", language=built["ui"].language)
    _check_values(top, built)
    identity = ensure_machine_identity(config_dir)
    line_secret = env.get("KIOSK_LINE_SECRET") or identity["line_secret"]
    resolved_data_dir = data_dir or (
        Path(top.pop("data_dir")) if "data_dir" in top else default_data_dir()
    )
    top.pop("data_dir", None)
    return Config(
        config_dir=config_dir,
        data_dir=resolved_data_dir,
        kiosk_id=identity["kiosk_id"],
        line_secret=line_secret.encode("utf-8"),
        **top,
        **built,
    )
