"""Messages of the sales history (the counter's search of the journal)."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "history.bad_line": QT_TRANSLATE_NOOP(
        "messages",
        "Para buscar por línea escriba la línea completa (10 dígitos) o sus últimos 4 dígitos.",
    ),
    "history.bad_reference": QT_TRANSLATE_NOOP(
        "messages", "Una referencia tiene solo letras, números y guiones (por ejemplo K1QX4M2B)."
    ),
    "history.inverted_dates": QT_TRANSLATE_NOOP(
        "messages", "La fecha «hasta» es anterior a la fecha «desde». Revise las fechas."
    ),
}
