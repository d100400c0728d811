"""Messages of the sale and its state machine (no raw state names: they are for the log)."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "sale.unknown": QT_TRANSLATE_NOOP(
        "messages", "Esta venta no se encuentra. Empiece una nueva venta."
    ),
    "sale.final": QT_TRANSLATE_NOOP(
        "messages", "Esta venta ya terminó y no se puede cambiar. Empiece una nueva venta."
    ),
    "sale.transition": QT_TRANSLATE_NOOP(
        "messages",
        "Esta venta ya avanzó y ese paso no se puede repetir. "
        "Vuelva al inicio y empiece una nueva venta.",
    ),
    "sale.unexpected": QT_TRANSLATE_NOOP(
        "messages",
        "Ocurrió un error inesperado. Intente de nuevo; si se repite, avise al encargado.",
    ),
    "sale.line_other_operator": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea es de {operator}. Aquí solo se venden recargas "
        "y paquetes {brand}; no se cobró nada. Use otro número o recárguela "
        "en un punto {operator}.",
    ),
    "sale.line_recently_recharged": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea se recargó hace menos de 2 minutos y el operador todavía no acepta otra "
        "recarga. Intente de nuevo en %n segundo(s); no se cobró nada.",
    ),
    "balance.other_operator": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea es de {operator}. Aquí solo se consulta el saldo de líneas {brand}: "
        "consúltelo con {operator}. No se envió ningún código.",
    ),
    "pack.not_offered": QT_TRANSLATE_NOOP(
        "messages",
        "El paquete «{pack}» no está en el catálogo del operador. Elija otro paquete.",
    ),
    "pack.not_payable": QT_TRANSLATE_NOOP(
        "messages",
        "El paquete «{pack}» no se puede pagar aquí por su precio. Elija otro paquete.",
    ),
}
