"""Messages of the gateway clients (PSE payments, top-ups, line services).

Spanish says what to do next, for a clerk or a customer; no technical words.
"""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "gateway.unavailable": QT_TRANSLATE_NOOP(
        "messages",
        "No hay conexión con el servicio en este momento. Revise el internet "
        "e intente de nuevo en un minuto.",
    ),
    "gateway.rate_limited": QT_TRANSLATE_NOOP(
        "messages", "El servicio está ocupado y pidió esperar. Intente de nuevo en un momento."
    ),
    "gateway.rejected": QT_TRANSLATE_NOOP(
        "messages", "El servicio no aceptó la solicitud. Revise los datos e intente de nuevo."
    ),
    "gateway.unauthorized": QT_TRANSLATE_NOOP(
        "messages",
        "El servicio no reconoce las llaves de esta tienda. Avise al administrador: "
        "hay que revisar la configuración.",
    ),
    "gateway.not_found": QT_TRANSLATE_NOOP(
        "messages", "El servicio no encuentra ese dato. Revise e intente de nuevo."
    ),
    "gateway.protocol": QT_TRANSLATE_NOOP(
        "messages",
        "El servicio respondió algo que no se entiende. Intente de nuevo; si se repite, "
        "avise al administrador.",
    ),
    "gateway.outcome_unknown": QT_TRANSLATE_NOOP(
        "messages",
        "Todavía no sabemos si la operación {reference} se hizo. No la repita: "
        "el sistema la está consultando y le avisará.",
    ),
    "gateway.not_configured": QT_TRANSLATE_NOOP(
        "messages", "Falta un dato de configuración ({setting}). Avise al administrador."
    ),
    "topup.duplicate": QT_TRANSLATE_NOOP(
        "messages",
        "La recarga {reference} ya fue enviada. No la repita: el sistema está "
        "consultando cómo terminó.",
    ),
    "topup.refused": QT_TRANSLATE_NOOP(
        "messages", "El operador no aceptó la recarga para esta línea. No se entregó nada."
    ),
    "topup.invalid_line": QT_TRANSLATE_NOOP(
        "messages", "El operador no reconoce esta línea. Revise el número."
    ),
    "topup.amount_out_of_range": QT_TRANSLATE_NOOP(
        "messages", "El operador no acepta ese valor para esta línea. Elija otro valor."
    ),
    "topup.insufficient_balance": QT_TRANSLATE_NOOP(
        "messages",
        "La tienda no tiene saldo suficiente con el proveedor de recargas. Avise al administrador.",
    ),
    "topup.float_too_low": QT_TRANSLATE_NOOP(
        "messages",
        "La tienda no tiene saldo suficiente con el proveedor de recargas para esta venta "
        "(saldo: {balance}). No se cobró nada: elija un valor menor o avise al administrador.",
    ),
    "topup.invalid_amount": QT_TRANSLATE_NOOP(
        "messages", "El proveedor no acepta ese valor para este operador. Elija otro valor."
    ),
    "topup.invalid_recipient": QT_TRANSLATE_NOOP(
        "messages",
        "Este operador no atiende esta línea (puede haber cambiado de operador). "
        "Revise el número; no se entregó nada.",
    ),
    "topup.recently_recharged": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea recibió una recarga hace menos de 2 minutos. Espere un momento "
        "e intente de nuevo; no se entregó nada.",
    ),
    "topup.transaction_failed": QT_TRANSLATE_NOOP(
        "messages", "El operador no pudo hacer la recarga. No se entregó nada."
    ),
    "topup.operator_not_in_service": QT_TRANSLATE_NOOP(
        "messages",
        "El operador no está recibiendo recargas en este momento. Intente más tarde; "
        "no se entregó nada.",
    ),
    "topup.provider_refused": QT_TRANSLATE_NOOP(
        "messages",
        "El proveedor de recargas no aceptó la recarga. No se entregó nada. "
        "Lo que dijo el proveedor: «{provider_message}»",
    ),
    "lines.wrong_code": QT_TRANSLATE_NOOP(
        "messages", "El código no es correcto. Revise el mensaje de texto y escríbalo de nuevo."
    ),
    "lines.code_expired": QT_TRANSLATE_NOOP(
        "messages", "El código ya venció. Pida un código nuevo."
    ),
    "lines.locked": QT_TRANSLATE_NOOP(
        "messages",
        "Demasiados códigos equivocados: la consulta de esta línea quedó bloqueada "
        "por un rato. Intente más tarde.",
    ),
    "lines.too_many_codes": QT_TRANSLATE_NOOP(
        "messages", "Ya se enviaron varios códigos a esta línea. Espere unos minutos y pida otro."
    ),
    "lines.not_found": QT_TRANSLATE_NOOP(
        "messages",
        "Esta línea no es del operador (puede haber cambiado de operador). "
        "No se puede consultar su saldo aquí.",
    ),
}
