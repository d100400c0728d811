"""The translation edge: the current language's words, and translators that stay valid."""

from __future__ import annotations

import gc

from kiosk.controllers.language import current_language, formats, set_language, translate


def test_a_language_switch_survives_garbage_collection(qapp: object) -> None:
    set_language("en")
    gc.collect()
    # Fill the memory freed by a collection: Qt reads a .qm in place, it must stay alive.
    filler = [bytes(range(256)) * 400 for _ in range(200)]
    assert translate("SaleWords", "Recarga") == "Top-up"
    assert current_language() == "en" and formats().pesos(10_000) == "COP\u00a010,000"
    del filler
    for _ in range(5):  # switching back and forth keeps no stale translator installed
        set_language("es")
        set_language("en")
    gc.collect()
    assert translate("SaleWords", "Recarga") == "Top-up"
    set_language("es")
    assert translate("SaleWords", "Recarga") == "Recarga"
    assert formats().pesos(10_000) == "$\u00a010.000"


def test_spanish_plural_forms_come_from_the_spanish_translations(qapp: object) -> None:
    set_language("es")
    one = translate("PackWords", "%n día(s)", None, 1)
    many = translate("PackWords", "%n día(s)", None, 7)
    assert (one, many) == ("1 día", "7 días")
    set_language("en")
    assert translate("PackWords", "%n día(s)", None, 1) == "1 day"
    set_language("es")


def test_a_message_from_a_controller_says_itself_again_in_the_new_language(qapp: object) -> None:
    from kiosk.controllers.language import Said, describe, now
    from kiosk.domain.errors import ValidationError

    set_language("es")
    refused = describe(
        ValidationError("sale.line_other_operator", operator="Movistar", brand="Claro")
    )
    assert isinstance(refused, Said) and isinstance(refused, str)
    assert refused.startswith("Esta línea es de Movistar")
    set_language("en")
    assert refused.startswith("Esta línea"), "the words given stay as they were given"
    assert now(refused).startswith("This line belongs to Movistar")
    assert now("plain text") == "plain text"
    set_language("es")
