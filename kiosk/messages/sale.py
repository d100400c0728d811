"""Messages of the sale and its state machine (no raw state names: they are for the log)."""

MESSAGES = {
    "sale.unknown": {
        "es": "Esta venta no se encuentra. Empiece una nueva venta.",
        "en": "This sale cannot be found. Start a new sale.",
    },
    "sale.final": {
        "es": "Esta venta ya terminó y no se puede cambiar. Empiece una nueva venta.",
        "en": "This sale is already closed and cannot change. Start a new sale.",
    },
    "sale.transition": {
        "es": "Esta venta ya avanzó y ese paso no se puede repetir. "
        "Vuelva al inicio y empiece una nueva venta.",
        "en": "This sale has moved on and that step cannot be repeated. "
        "Go back and start a new sale.",
    },
    "sale.unexpected": {
        "es": "Ocurrió un error inesperado. Intente de nuevo; si se repite, avise al encargado.",
        "en": "Something unexpected went wrong. Try again; if it happens again, tell the manager.",
    },
    "sale.line_other_operator": {
        "es": "Esta línea ahora es de {operator}. Aquí solo se venden recargas "
        "y paquetes {brand}; no se cobró nada. Use otro número o recárguela "
        "en un punto {operator}.",
        "en": "This line now belongs to {operator}. Only {brand} top-ups and packs are sold "
        "here; nothing was charged. Use another number or top it up at a {operator} shop.",
    },
}
