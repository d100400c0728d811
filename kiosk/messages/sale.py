"""Messages of the sale state machine."""

MESSAGES = {
    "sale.unknown": {
        "es": "La venta no existe todavía; no puede pasar a «{target}».",
        "en": "The sale does not exist yet; it cannot move to “{target}”.",
    },
    "sale.final": {
        "es": "La venta ya terminó ({current}); no puede cambiar a «{target}».",
        "en": "The sale is already closed ({current}); it cannot move to “{target}”.",
    },
    "sale.transition": {
        "es": "Cambio no permitido en la venta: de «{current}» a «{target}».",
        "en": "Sale change not allowed: from “{current}” to “{target}”.",
    },
}

MESSAGES.update(
    {
        "sale.unexpected": {
            "es": "Ocurrió un error inesperado. Intente de nuevo; "
            "si se repite, avise al encargado.",
            "en": "Something unexpected went wrong. Try again; "
            "if it happens again, tell the manager.",
        },
        "sale.line_other_operator": {
            "es": "Esta línea ahora es de {operator}. Aquí solo se venden recargas "
            "y paquetes {brand}: no se cobró nada.",
            "en": "This line now belongs to {operator}. Only {brand} top-ups and packs are sold "
            "here: nothing was charged.",
        },
    }
)
