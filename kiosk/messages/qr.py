"""Messages of the QR builder (``kiosk.domain.qr``), read by the clerk on the payment screen."""

MESSAGES = {
    "qr.empty": {
        "es": "No hay enlace de pago para mostrar en el código QR. "
        "Cancele e intente el pago de nuevo.",
        "en": "There is no payment link to show in the QR code. Cancel and try the payment again.",
    },
    "qr.too_long": {
        "es": "El enlace de pago es demasiado largo para un código QR ({length} bytes). "
        "Cancele el pago y avise a soporte técnico.",
        "en": "The payment link is too long for a QR code ({length} bytes). "
        "Cancel the payment and tell technical support.",
    },
    "qr.not_text": {
        "es": "El enlace de pago tiene caracteres no válidos y no cabe en un código QR. "
        "Cancele el pago y avise a soporte técnico.",
        "en": "The payment link has invalid characters and cannot go in a QR code. "
        "Cancel the payment and tell technical support.",
    },
    "qr.error_correction": {
        "es": "Nivel de corrección del código QR no válido: «{level}». Use uno de: {allowed}.",
        "en": "Invalid QR error-correction level: “{level}”. Use one of: {allowed}.",
    },
}
