"""Messages of the domain rules: money, lines, amounts and PSE payer data.

Every message says what is wrong and what to do, in words a store clerk or a
customer understands. Amounts arrive as :class:`~kiosk.domain.money.Pesos`
(a tuple of them for a list), written by the edge in the current language's
format, so the catalogue never formats money itself.
Besides error codes, the labels of person and document types live here too, so
every screen names them the same way.
"""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    # --- money (kiosk.domain.money) ---
    "money.empty": QT_TRANSLATE_NOOP("messages", "Escriba el valor en pesos, por ejemplo 10.000."),
    "money.letters": QT_TRANSLATE_NOOP(
        "messages",
        "El valor solo lleva números. Borre las letras y escríbalo de nuevo, por ejemplo 10.000.",
    ),
    "money.decimals": QT_TRANSLATE_NOOP(
        "messages",
        "El valor va en pesos enteros, sin centavos. Escríbalo sin coma ni decimales, "
        "por ejemplo 10.000.",
    ),
    "money.negative": QT_TRANSLATE_NOOP(
        "messages", "El valor no puede ser negativo. Escríbalo sin el signo menos."
    ),
    "money.bad_grouping": QT_TRANSLATE_NOOP(
        "messages",
        "El valor no está bien escrito. Escríbalo sin puntos (10000) "
        "o con un punto cada tres cifras (10.000).",
    ),
    "money.invalid_chars": QT_TRANSLATE_NOOP(
        "messages",
        "El valor tiene signos que no se usan. Escriba solo números, por ejemplo 10.000.",
    ),
    "money.too_large": QT_TRANSLATE_NOOP(
        "messages", "El valor es demasiado grande. Revise el número e inténtelo de nuevo."
    ),
    "money.cents_not_whole": QT_TRANSLATE_NOOP(
        "messages",
        "La pasarela de pago informó un valor con centavos (%n centavo(s)), que la tienda no "
        "maneja. Anote la referencia y consulte al administrador.",
    ),
    # --- mobile lines (kiosk.domain.lines) ---
    "line.empty": QT_TRANSLATE_NOOP(
        "messages", "Escriba el número de celular: 10 dígitos que empiezan por 3."
    ),
    "line.letters": QT_TRANSLATE_NOOP(
        "messages",
        "El número de celular solo lleva dígitos. Borre las letras y escríbalo de nuevo.",
    ),
    "line.invalid_chars": QT_TRANSLATE_NOOP(
        "messages",
        "El número tiene signos que no se usan. Escriba solo los 10 dígitos del celular, "
        "por ejemplo 312 345 6789.",
    ),
    "line.not_colombian": QT_TRANSLATE_NOOP(
        "messages",
        "Solo se aceptan celulares de Colombia (+57). Escriba el número de 10 dígitos "
        "sin el indicativo de otro país.",
    ),
    "line.too_short": QT_TRANSLATE_NOOP(
        "messages",
        "Al número le faltan dígitos: tiene {digits} y debe tener {expected}. "
        "Revise el número e inténtelo de nuevo.",
    ),
    "line.too_long": QT_TRANSLATE_NOOP(
        "messages",
        "El número tiene dígitos de más: tiene {digits} y debe tener {expected}. "
        "Revise el número e inténtelo de nuevo.",
    ),
    "line.not_mobile": QT_TRANSLATE_NOOP(
        "messages",
        "El número debe tener 10 dígitos y empezar por 3. Revise el número e inténtelo de nuevo.",
    ),
    # --- amounts (kiosk.domain.amounts) ---
    "amount.below_minimum": QT_TRANSLATE_NOOP(
        "messages", "El valor mínimo es {minimum}. Escriba un valor igual o mayor."
    ),
    "amount.above_maximum": QT_TRANSLATE_NOOP(
        "messages", "El valor máximo es {maximum}. Escriba un valor igual o menor."
    ),
    "amount.not_offered": QT_TRANSLATE_NOOP(
        "messages", "El operador no ofrece {amount}. Elija uno de estos valores: {offered}."
    ),
    # --- PSE payer data (kiosk.domain.payer) ---
    "payer.invalid": QT_TRANSLATE_NOOP(
        "messages",
        "Hay %n dato(s) del pagador por corregir. Revise los campos marcados e inténtelo de nuevo.",
    ),
    "payer.person_type_missing": QT_TRANSLATE_NOOP(
        "messages", "Elija el tipo de persona: natural o jurídica (empresa)."
    ),
    "payer.person_type_unknown": QT_TRANSLATE_NOOP(
        "messages", "Ese tipo de persona no existe. Elija natural o jurídica (empresa)."
    ),
    "payer.document_type_missing": QT_TRANSLATE_NOOP(
        "messages", "Elija el tipo de documento del pagador."
    ),
    "payer.document_type_unknown": QT_TRANSLATE_NOOP(
        "messages", "PSE no acepta ese tipo de documento. Elija uno de la lista."
    ),
    "payer.juridical_needs_nit": QT_TRANSLATE_NOOP(
        "messages",
        "Una empresa (persona jurídica) paga con su NIT. Elija NIT como tipo de documento.",
    ),
    "payer.document_empty": QT_TRANSLATE_NOOP(
        "messages", "Escriba el número del documento ({document_type})."
    ),
    "payer.document_digits_only": QT_TRANSLATE_NOOP(
        "messages",
        "El número de {document_type} solo lleva dígitos. Borre las letras y escríbalo de nuevo.",
    ),
    "payer.document_chars": QT_TRANSLATE_NOOP(
        "messages",
        "El número de {document_type} tiene signos que no se usan. Escriba solo letras "
        "sin tilde y números, tal como aparecen en el documento.",
    ),
    "payer.document_length": QT_TRANSLATE_NOOP(
        "messages",
        "El número de {document_type} debe tener entre {minimum} y {maximum} caracteres "
        "y tiene {length}. Revíselo en el documento e inténtelo de nuevo.",
    ),
    "payer.document_leading_zero": QT_TRANSLATE_NOOP(
        "messages",
        "El número de {document_type} no empieza por 0. Revíselo en el documento "
        "e inténtelo de nuevo.",
    ),
    "payer.nit_format": QT_TRANSLATE_NOOP(
        "messages",
        "El NIT no está bien escrito. Escríbalo con un guion antes del dígito de "
        "verificación, por ejemplo 900.123.456-8.",
    ),
    "payer.nit_length": QT_TRANSLATE_NOOP(
        "messages",
        "El NIT con su dígito de verificación debe tener entre {minimum} y {maximum} "
        "dígitos y tiene {length}. Revíselo en el RUT e inténtelo de nuevo.",
    ),
    "payer.nit_check_digit": QT_TRANSLATE_NOOP(
        "messages",
        "El dígito de verificación no corresponde al NIT. Revise el NIT y el dígito "
        "después del guion en el RUT (por ejemplo 900.123.456-8).",
    ),
    "payer.name_empty": QT_TRANSLATE_NOOP(
        "messages", "Escriba el nombre completo del pagador, como aparece en su documento."
    ),
    "payer.name_chars": QT_TRANSLATE_NOOP(
        "messages",
        "El nombre solo puede tener letras, espacios, apóstrofos y guiones. "
        "Borre los números y otros signos.",
    ),
    "payer.company_name_chars": QT_TRANSLATE_NOOP(
        "messages",
        "La razón social solo puede tener letras, números, espacios y los signos "
        ". , & ' -. Escríbala como aparece en el RUT.",
    ),
    "payer.name_too_short": QT_TRANSLATE_NOOP(
        "messages",
        "El nombre es muy corto: escriba al menos {minimum} letras, como aparece en el documento.",
    ),
    "payer.name_too_long": QT_TRANSLATE_NOOP(
        "messages",
        "El nombre puede tener hasta {maximum} caracteres y tiene {length}. "
        "Abrévielo, por ejemplo con un solo apellido.",
    ),
    "payer.email_empty": QT_TRANSLATE_NOOP(
        "messages",
        "Escriba el correo electrónico del pagador; allí le llega el comprobante del banco.",
    ),
    "payer.email_invalid": QT_TRANSLATE_NOOP(
        "messages",
        "El correo electrónico no está bien escrito. Revíselo, por ejemplo "
        "nombre@correo.com, e inténtelo de nuevo.",
    ),
    # --- labels (not errors): how screens name person and document types ---
    "payer.person_type.natural": QT_TRANSLATE_NOOP("messages", "Persona natural"),
    "payer.person_type.juridical": QT_TRANSLATE_NOOP("messages", "Persona jurídica (empresa)"),
    "payer.document_type.CC": QT_TRANSLATE_NOOP("messages", "Cédula de ciudadanía"),
    "payer.document_type.CE": QT_TRANSLATE_NOOP("messages", "Cédula de extranjería"),
    "payer.document_type.NIT": QT_TRANSLATE_NOOP("messages", "NIT"),
    "payer.document_type.TI": QT_TRANSLATE_NOOP("messages", "Tarjeta de identidad"),
    "payer.document_type.PP": QT_TRANSLATE_NOOP("messages", "Pasaporte"),
    "payer.document_type.DNI": QT_TRANSLATE_NOOP(
        "messages", "Documento de identidad extranjero (DNI)"
    ),
}
