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
