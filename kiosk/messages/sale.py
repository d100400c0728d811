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
    "sale.limit_line_day": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea ya tuvo %n venta(s) hoy y el máximo de la tienda es {maximum} por línea "
        "al día; no se cobró nada. Se podrá recargar de nuevo mañana.",
    ),
    "sale.limit_line_day_pesos": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea ya lleva {used} en ventas hoy y con esta de {amount} pasaría de {maximum}, "
        "el máximo de la tienda por línea al día; no se cobró nada. Todavía se le puede "
        "vender hoy: {left}.",
    ),
    "sale.limit_kiosk_hour": QT_TRANSLATE_NOOP(
        "messages",
        "Este punto de venta ya hizo %n venta(s) en la última hora y el máximo de la tienda "
        "es {maximum} por hora; no se cobró nada. Intente de nuevo en unos minutos o avise "
        "al encargado.",
    ),
    "sale.limit_kiosk_hour_pesos": QT_TRANSLATE_NOOP(
        "messages",
        "Este punto de venta ya lleva {used} en ventas en la última hora y con esta de "
        "{amount} pasaría de {maximum}, el máximo de la tienda por hora; no se cobró nada. "
        "Todavía se puede vender en esta hora: {left}. Intente más tarde o avise al encargado.",
    ),
    "sale.float_held": QT_TRANSLATE_NOOP(
        "messages",
        "La tienda no tiene saldo suficiente con el proveedor de recargas para esta venta: "
        "de su saldo de {balance}, {held} está reservado para ventas en curso y quedan "
        "{available}. No se cobró nada: elija un valor menor, espere a que terminen las "
        "ventas en curso o avise al administrador.",
    ),
}
