"""Pack, date and countdown wording, in Spanish and in English."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.controllers.language import formats
from kiosk.domain.catalogue import Pack
from ui.formatting import (
    format_apps,
    format_data,
    format_days,
    format_minutes,
    pack_card_lines,
    pack_details,
    pack_summary,
)

# Translations (and Spanish plural forms) need the app's translators: a QApplication.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.mark.parametrize(
    ("data_mb", "text"),
    [(500, "500 MB"), (1_024, "1 GB"), (3_072, "3 GB"), (3_000, "3 GB"), (1_536, "1,5 GB"),
     (2_000_000, "Datos ilimitados")],
)  # fmt: skip
def test_data(data_mb: int, text: str):
    assert format_data(data_mb) == text


@pytest.mark.parametrize(
    ("data_mb", "text"),
    [(500, "500 MB"), (3_072, "3 GB"), (1_536, "1.5 GB"), (2_000_000, "Unlimited data")],
)
def test_data_in_english(english, data_mb: int, text: str):
    assert format_data(data_mb) == text


def test_minutes_and_days():
    assert format_minutes(200) == "200 min"
    assert format_minutes(100_000) == "Minutos ilimitados"
    assert format_days(1) == "1 día"
    assert format_days(7) == "7 días"


def test_minutes_and_days_in_english(english):
    assert format_minutes(200) == "200 min"
    assert format_minutes(100_000) == "Unlimited minutes"
    assert format_days(1) == "1 day"
    assert format_days(7) == "7 days"


def test_apps_are_a_list_in_each_language(english):
    assert format_apps(("WhatsApp",)) == "WhatsApp"
    assert format_apps(("WhatsApp", "Facebook", "X")) == "WhatsApp, Facebook and X"


def test_pack_details_fall_back_to_the_description():
    described = Pack(4_000, "Bolsa", description="800 MB por 5 días")
    assert pack_details(described) == ["800 MB por 5 días"]
    assert pack_card_lines(described) == ["800 MB por 5 días"]
    detailed = Pack(10_000, "7 días", description="ignorada", data_mb=3_072, minutes=200,
                    apps=("WhatsApp", "Facebook", "X"), validity_days=7)  # fmt: skip
    assert pack_details(detailed) == [
        "3 GB",
        "200 min",
        "Apps: WhatsApp, Facebook y X",
        "Vigencia: 7 días",
    ]
    assert pack_card_lines(detailed)[0] == "3 GB · 200 min"
    assert pack_card_lines(Pack(1_000, "Un día", validity_days=1)) == ["Vigencia: 1 día"]


def test_pack_details_in_english(english):
    detailed = Pack(10_000, "7 días", data_mb=3_072, minutes=100_000,
                    apps=("WhatsApp", "Facebook"), validity_days=7)  # fmt: skip
    assert pack_card_lines(detailed) == [
        "3 GB · Unlimited minutes",
        "Apps included: WhatsApp and Facebook",
        "Valid for 7 days",
    ]
    assert pack_card_lines(Pack(1_000, "Un día", validity_days=1)) == ["Valid for 1 day"]
    # The provider's name is data; money in English keeps pesos.
    assert pack_summary(detailed) == "7 días · 3 GB · Unlimited minutes · COP\u00a010,000"


def test_pack_summary_in_spanish():
    pack = Pack(10_000, "Paquete 7 días", data_mb=3_072, validity_days=7)
    assert pack_summary(pack) == "Paquete 7 días · 3 GB · Vigencia: 7 días · $\u00a010.000"


def test_screens_show_dates_in_bogota_time_in_the_current_language(qapp):
    # The screens take their formats from the edge, which follows the language.
    assert formats().moment(datetime(2025, 1, 1, 3, 30, tzinfo=UTC)) == "31/12/2024 22:30"
    # A naive moment is the journal's UTC.
    assert formats().moment(datetime(2025, 1, 1, 3, 30)) == "31/12/2024 22:30"
    assert formats().countdown(65) == "1:05"


def test_dates_in_english(english):
    assert formats().moment(datetime(2025, 1, 1, 3, 30, tzinfo=UTC)) == "Dec 31, 2024 22:30"
    assert formats().countdown(-3) == "0:00"
