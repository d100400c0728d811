"""Messages of the gateway clients (PSE payments, top-ups, line services).

Spanish says what to do next, for a clerk or a customer; no technical words.
"""

MESSAGES = {
    "gateway.unavailable": {
        "es": "No hay conexión con el servicio en este momento. Revise el internet "
        "e intente de nuevo en un minuto.",
        "en": "The service cannot be reached right now. Check the internet connection "
        "and try again in a minute.",
    },
    "gateway.rate_limited": {
        "es": "El servicio está ocupado y pidió esperar. Intente de nuevo en un momento.",
        "en": "The service is busy and asked us to wait. Try again in a moment.",
    },
    "gateway.rejected": {
        "es": "El servicio no aceptó la solicitud. Revise los datos e intente de nuevo.",
        "en": "The service did not accept the request. Check the details and try again.",
    },
    "gateway.unauthorized": {
        "es": "El servicio no reconoce las llaves de esta tienda. Avise al administrador: "
        "hay que revisar la configuración.",
        "en": "The service does not recognise this store's keys. Tell the administrator: "
        "the configuration needs checking.",
    },
    "gateway.not_found": {
        "es": "El servicio no encuentra ese dato. Revise e intente de nuevo.",
        "en": "The service cannot find that item. Check it and try again.",
    },
    "gateway.protocol": {
        "es": "El servicio respondió algo que no se entiende. Intente de nuevo; si se repite, "
        "avise al administrador.",
        "en": "The service gave an answer that cannot be understood. Try again; if it happens "
        "again, tell the administrator.",
    },
    "gateway.outcome_unknown": {
        "es": "Todavía no sabemos si la operación {reference} se hizo. No la repita: "
        "el sistema la está consultando y le avisará.",
        "en": "We do not know yet whether operation {reference} went through. Do not repeat "
        "it: the system is checking and will tell you.",
    },
    "gateway.not_configured": {
        "es": "Falta un dato de configuración ({setting}). Avise al administrador.",
        "en": "A configuration value is missing ({setting}). Tell the administrator.",
    },
    "topup.duplicate": {
        "es": "La recarga {reference} ya fue enviada. No la repita: el sistema está "
        "consultando cómo terminó.",
        "en": "Top-up {reference} was already sent. Do not repeat it: the system is checking "
        "how it ended.",
    },
    "topup.refused": {
        "es": "El operador no aceptó la recarga para esta línea. No se entregó nada.",
        "en": "The operator refused the top-up for this line. Nothing was delivered.",
    },
    "topup.invalid_line": {
        "es": "El operador no reconoce esta línea. Revise el número.",
        "en": "The operator does not recognise this line. Check the number.",
    },
    "topup.amount_out_of_range": {
        "es": "El operador no acepta ese valor para esta línea. Elija otro valor.",
        "en": "The operator does not accept that amount for this line. Choose another amount.",
    },
    "topup.insufficient_balance": {
        "es": "La tienda no tiene saldo suficiente con el proveedor de recargas. "
        "Avise al administrador.",
        "en": "The store does not have enough balance with the top-up provider. "
        "Tell the administrator.",
    },
    "lines.wrong_code": {
        "es": "El código no es correcto. Revise el mensaje de texto y escríbalo de nuevo.",
        "en": "The code is not correct. Check the text message and type it again.",
    },
    "lines.code_expired": {
        "es": "El código ya venció. Pida un código nuevo.",
        "en": "The code has expired. Ask for a new code.",
    },
    "lines.locked": {
        "es": "Demasiados códigos equivocados: la consulta de esta línea quedó bloqueada "
        "por un rato. Intente más tarde.",
        "en": "Too many wrong codes: balance queries for this line are locked for a while. "
        "Try again later.",
    },
    "lines.too_many_codes": {
        "es": "Ya se enviaron varios códigos a esta línea. Espere unos minutos y pida otro.",
        "en": "Several codes were already sent to this line. Wait a few minutes and ask again.",
    },
    "lines.not_found": {
        "es": "Esta línea no es del operador (puede haber cambiado de operador). "
        "No se puede consultar su saldo aquí.",
        "en": "This line is not the operator's (it may have moved to another operator). "
        "Its balance cannot be checked here.",
    },
}
