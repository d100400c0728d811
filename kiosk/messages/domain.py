"""Messages of the domain rules: money, lines, amounts and PSE payer data.

Every message says what is wrong and what to do, in words a store clerk or a
customer understands. Amounts arrive already formatted (``minimum_text`` and
the like, from ``format_pesos``), so the catalogue never formats money itself.
Besides error codes, the labels of person and document types live here too, so
every screen names them the same way.
"""

MESSAGES = {
    # --- money (kiosk.domain.money) ---
    "money.empty": {
        "es": "Escriba el valor en pesos, por ejemplo 10.000.",
        "en": "Type the amount in pesos, for example 10.000.",
    },
    "money.letters": {
        "es": "El valor solo lleva números. Borre las letras y escríbalo de nuevo, "
        "por ejemplo 10.000.",
        "en": "The amount takes numbers only. Delete the letters and type it again, "
        "for example 10.000.",
    },
    "money.decimals": {
        "es": "El valor va en pesos enteros, sin centavos. Escríbalo sin coma ni decimales, "
        "por ejemplo 10.000.",
        "en": "The amount is in whole pesos, without cents. Type it without a comma or decimals, "
        "for example 10.000.",
    },
    "money.negative": {
        "es": "El valor no puede ser negativo. Escríbalo sin el signo menos.",
        "en": "The amount cannot be negative. Type it without the minus sign.",
    },
    "money.bad_grouping": {
        "es": "El valor no está bien escrito. Escríbalo sin puntos (10000) "
        "o con un punto cada tres cifras (10.000).",
        "en": "The amount is not written correctly. Type it without dots (10000) "
        "or with a dot every three digits (10.000).",
    },
    "money.invalid_chars": {
        "es": "El valor tiene signos que no se usan. Escriba solo números, por ejemplo 10.000.",
        "en": "The amount has characters that cannot be used. Type digits only, "
        "for example 10.000.",
    },
    "money.too_large": {
        "es": "El valor es demasiado grande. Revise el número e inténtelo de nuevo.",
        "en": "The amount is far too large. Check the number and try again.",
    },
    "money.cents_not_whole": {
        "es": "La pasarela de pago informó un valor con centavos ({cents} centavos), "
        "que la tienda no maneja. Anote la referencia y consulte al administrador.",
        "en": "The payment gateway reported an amount with cents ({cents} cents), "
        "which the store does not handle. Note the reference and ask the administrator.",
    },
    # --- mobile lines (kiosk.domain.lines) ---
    "line.empty": {
        "es": "Escriba el número de celular: 10 dígitos que empiezan por 3.",
        "en": "Type the mobile number: 10 digits starting with 3.",
    },
    "line.letters": {
        "es": "El número de celular solo lleva dígitos. Borre las letras y escríbalo de nuevo.",
        "en": "A mobile number takes digits only. Delete the letters and type it again.",
    },
    "line.invalid_chars": {
        "es": "El número tiene signos que no se usan. Escriba solo los 10 dígitos del celular, "
        "por ejemplo 312 345 6789.",
        "en": "The number has characters that cannot be used. Type only the 10 digits "
        "of the mobile, for example 312 345 6789.",
    },
    "line.not_colombian": {
        "es": "Solo se aceptan celulares de Colombia (+57). Escriba el número de 10 dígitos "
        "sin el indicativo de otro país.",
        "en": "Only Colombian mobile numbers (+57) are accepted. Type the 10-digit number "
        "without another country's code.",
    },
    "line.too_short": {
        "es": "Al número le faltan dígitos: tiene {digits} y debe tener {expected}. "
        "Revise el número e inténtelo de nuevo.",
        "en": "The number is missing digits: it has {digits} and needs {expected}. "
        "Check the number and try again.",
    },
    "line.too_long": {
        "es": "El número tiene dígitos de más: tiene {digits} y debe tener {expected}. "
        "Revise el número e inténtelo de nuevo.",
        "en": "The number has too many digits: it has {digits} and needs {expected}. "
        "Check the number and try again.",
    },
    "line.not_mobile": {
        "es": "El número debe tener 10 dígitos y empezar por 3. "
        "Revise el número e inténtelo de nuevo.",
        "en": "The number must have 10 digits and start with 3. Check the number and try again.",
    },
    # --- amounts (kiosk.domain.amounts) ---
    "amount.below_minimum": {
        "es": "El valor mínimo es {minimum_text}. Escriba un valor igual o mayor.",
        "en": "The minimum amount is {minimum_text}. Type that amount or more.",
    },
    "amount.above_maximum": {
        "es": "El valor máximo es {maximum_text}. Escriba un valor igual o menor.",
        "en": "The maximum amount is {maximum_text}. Type that amount or less.",
    },
    "amount.not_offered": {
        "es": "El operador no ofrece {amount_text}. Elija uno de estos valores: {offered_text}.",
        "en": "The operator does not offer {amount_text}. Choose one of these amounts: "
        "{offered_text}.",
    },
    # --- PSE payer data (kiosk.domain.payer) ---
    "payer.invalid": {
        "es": "Hay {count} dato(s) del pagador por corregir. Revise los campos marcados "
        "e inténtelo de nuevo.",
        "en": "{count} payer field(s) need correcting. Check the marked fields and try again.",
    },
    "payer.person_type_missing": {
        "es": "Elija el tipo de persona: natural o jurídica (empresa).",
        "en": "Choose the type of person: natural (individual) or juridical (company).",
    },
    "payer.person_type_unknown": {
        "es": "Ese tipo de persona no existe. Elija natural o jurídica (empresa).",
        "en": "That type of person does not exist. Choose natural (individual) "
        "or juridical (company).",
    },
    "payer.document_type_missing": {
        "es": "Elija el tipo de documento del pagador.",
        "en": "Choose the payer's type of document.",
    },
    "payer.document_type_unknown": {
        "es": "PSE no acepta ese tipo de documento. Elija uno de la lista.",
        "en": "PSE does not accept that type of document. Choose one from the list.",
    },
    "payer.juridical_needs_nit": {
        "es": "Una empresa (persona jurídica) paga con su NIT. Elija NIT como tipo de documento.",
        "en": "A company (juridical person) pays with its NIT. Choose NIT as the document type.",
    },
    "payer.document_empty": {
        "es": "Escriba el número del documento ({document_type}).",
        "en": "Type the document number ({document_type}).",
    },
    "payer.document_digits_only": {
        "es": "El número de {document_type} solo lleva dígitos. Borre las letras "
        "y escríbalo de nuevo.",
        "en": "A {document_type} number takes digits only. Delete the letters and type it again.",
    },
    "payer.document_chars": {
        "es": "El número de {document_type} tiene signos que no se usan. Escriba solo letras "
        "sin tilde y números, tal como aparecen en el documento.",
        "en": "The {document_type} number has characters that cannot be used. Type only "
        "unaccented letters and digits, as printed on the document.",
    },
    "payer.document_length": {
        "es": "El número de {document_type} debe tener entre {minimum} y {maximum} caracteres "
        "y tiene {length}. Revíselo en el documento e inténtelo de nuevo.",
        "en": "A {document_type} number has {minimum} to {maximum} characters; this one has "
        "{length}. Check it against the document and try again.",
    },
    "payer.document_leading_zero": {
        "es": "El número de {document_type} no empieza por 0. Revíselo en el documento "
        "e inténtelo de nuevo.",
        "en": "A {document_type} number does not start with 0. Check it against the document "
        "and try again.",
    },
    "payer.nit_format": {
        "es": "El NIT no está bien escrito. Escríbalo con un guion antes del dígito de "
        "verificación, por ejemplo 900.123.456-8.",
        "en": "The NIT is not written correctly. Type it with a dash before the check digit, "
        "for example 900.123.456-8.",
    },
    "payer.nit_length": {
        "es": "El NIT con su dígito de verificación debe tener entre {minimum} y {maximum} "
        "dígitos y tiene {length}. Revíselo en el RUT e inténtelo de nuevo.",
        "en": "The NIT with its check digit has {minimum} to {maximum} digits; this one has "
        "{length}. Check it against the RUT and try again.",
    },
    "payer.nit_check_digit": {
        "es": "El dígito de verificación no corresponde al NIT. Revise el NIT y el dígito "
        "después del guion en el RUT (por ejemplo 900.123.456-8).",
        "en": "The check digit does not match the NIT. Check the NIT and the digit after the "
        "dash on the RUT (for example 900.123.456-8).",
    },
    "payer.name_empty": {
        "es": "Escriba el nombre completo del pagador, como aparece en su documento.",
        "en": "Type the payer's full name, as it appears on their document.",
    },
    "payer.name_chars": {
        "es": "El nombre solo puede tener letras, espacios, apóstrofos y guiones. "
        "Borre los números y otros signos.",
        "en": "The name may only have letters, spaces, apostrophes and hyphens. "
        "Delete digits and other characters.",
    },
    "payer.company_name_chars": {
        "es": "La razón social solo puede tener letras, números, espacios y los signos "
        ". , & ' -. Escríbala como aparece en el RUT.",
        "en": "The company name may only have letters, digits, spaces and the characters "
        ". , & ' -. Type it as it appears on the RUT.",
    },
    "payer.name_too_short": {
        "es": "El nombre es muy corto: escriba al menos {minimum} letras, "
        "como aparece en el documento.",
        "en": "The name is too short: type at least {minimum} letters, "
        "as it appears on the document.",
    },
    "payer.name_too_long": {
        "es": "El nombre puede tener hasta {maximum} caracteres y tiene {length}. "
        "Abrévielo, por ejemplo con un solo apellido.",
        "en": "The name may have up to {maximum} characters; this one has {length}. "
        "Shorten it, for example to one surname.",
    },
    "payer.email_empty": {
        "es": "Escriba el correo electrónico del pagador; allí le llega el comprobante del banco.",
        "en": "Type the payer's email address; the bank sends its receipt there.",
    },
    "payer.email_invalid": {
        "es": "El correo electrónico no está bien escrito. Revíselo, por ejemplo "
        "nombre@correo.com, e inténtelo de nuevo.",
        "en": "The email address is not written correctly. Check it, for example "
        "name@mail.com, and try again.",
    },
    # --- labels (not errors): how screens name person and document types ---
    "payer.person_type.natural": {"es": "Persona natural", "en": "Individual"},
    "payer.person_type.juridical": {"es": "Persona jurídica (empresa)", "en": "Company"},
    "payer.document_type.CC": {"es": "Cédula de ciudadanía", "en": "Citizen ID card (CC)"},
    "payer.document_type.CE": {"es": "Cédula de extranjería", "en": "Foreigner ID card (CE)"},
    "payer.document_type.NIT": {"es": "NIT", "en": "Tax ID (NIT)"},
    "payer.document_type.TI": {"es": "Tarjeta de identidad", "en": "Minor's ID card (TI)"},
    "payer.document_type.PP": {"es": "Pasaporte", "en": "Passport"},
    "payer.document_type.DNI": {
        "es": "Documento de identidad extranjero (DNI)",
        "en": "Foreign national ID (DNI)",
    },
}
