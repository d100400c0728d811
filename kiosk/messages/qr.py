"""Messages of the QR builder (``kiosk.domain.qr``), read by the clerk on the payment screen."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "qr.empty": QT_TRANSLATE_NOOP(
        "messages",
        "No hay enlace de pago para mostrar en el código QR. Cancele e intente el pago de nuevo.",
    ),
    "qr.too_long": QT_TRANSLATE_NOOP(
        "messages",
        "El enlace de pago es demasiado largo para un código QR ({length} bytes). "
        "Cancele el pago y avise a soporte técnico.",
    ),
    "qr.not_text": QT_TRANSLATE_NOOP(
        "messages",
        "El enlace de pago tiene caracteres no válidos y no cabe en un código QR. "
        "Cancele el pago y avise a soporte técnico.",
    ),
    "qr.error_correction": QT_TRANSLATE_NOOP(
        "messages", "Nivel de corrección del código QR no válido: «{level}». Use uno de: {allowed}."
    ),
}
