"""Messages of the settings (kiosk.domain.settings, kiosk.domain.nit, kiosk.services.settings)."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "settings.refused": QT_TRANSLATE_NOOP(
        "messages", "No se guardó nada: revise %n campo(s) marcado(s)."
    ),
    "settings.save_failed": QT_TRANSLATE_NOOP(
        "messages",
        "No se pudo guardar la configuración ({detail}). Sigue la anterior, sin cambios.",
    ),
    "settings.unknown_field": QT_TRANSLATE_NOOP("messages", "«{field}» no es un ajuste."),
    "settings.not_text": QT_TRANSLATE_NOOP("messages", "Debe ser un texto."),
    "settings.control_characters": QT_TRANSLATE_NOOP(
        "messages", "Tiene caracteres que no se pueden guardar (saltos de línea o de control)."
    ),
    "settings.required": QT_TRANSLATE_NOOP("messages", "No puede quedar vacío."),
    "settings.too_long": QT_TRANSLATE_NOOP(
        "messages", "Es demasiado largo: hasta {limit} caracteres."
    ),
    "settings.not_a_number": QT_TRANSLATE_NOOP("messages", "«{value}» no es un número entero."),
    "settings.negative": QT_TRANSLATE_NOOP("messages", "No puede ser negativo."),
    "settings.too_small": QT_TRANSLATE_NOOP("messages", "Debe ser al menos {low}."),
    "settings.too_large": QT_TRANSLATE_NOOP("messages", "Debe ser como mucho {high}."),
    "settings.inverted": QT_TRANSLATE_NOOP(
        "messages", "La recarga mínima ({low}) es mayor que la máxima ({high})."
    ),
    "settings.preset_zero": QT_TRANSLATE_NOOP(
        "messages", "Cada monto sugerido debe ser mayor que cero."
    ),
    "settings.preset_outside": QT_TRANSLATE_NOOP(
        "messages",
        "El monto sugerido {amount} queda fuera de la recarga mínima y máxima ({low} a {high}).",
    ),
    "settings.repeated": QT_TRANSLATE_NOOP("messages", "«{item}» está repetido."),
    "settings.not_a_list": QT_TRANSLATE_NOOP("messages", "Debe ser una lista separada por comas."),
    "settings.operator_name": QT_TRANSLATE_NOOP(
        "messages", "«{name}» no es un nombre de operador."
    ),
    "settings.operator_unknown": QT_TRANSLATE_NOOP(
        "messages", "«{name}» no es un operador conocido: escriba uno de estos: {known}."
    ),
    "settings.bad_url": QT_TRANSLATE_NOOP(
        "messages",
        "«{url}» no es una dirección web: debe empezar por https:// (o http://) seguido "
        "del servidor, sin espacios ni usuario y clave.",
    ),
    "settings.bad_key": QT_TRANSLATE_NOOP(
        "messages",
        "La llave tiene caracteres que no se pueden guardar (saltos de línea o de control).",
    ),
    "settings.key_in_environment": QT_TRANSLATE_NOOP(
        "messages",
        "Esta llave viene de la variable de entorno {variable}, que manda sobre el archivo: "
        "cámbiela allí.",
    ),
    "settings.printer_target": QT_TRANSLATE_NOOP(
        "messages",
        "La impresora «{target}» no se entiende. Escriba tcp:SERVIDOR:PUERTO o "
        "SERVIDOR:PUERTO (el puerto 9100 si no se dice), usb:VID:PID (en hexadecimal), "
        "serial:/dev/ttyUSB0 (con :VELOCIDAD si hace falta) o file:/ruta.",
    ),
    "settings.paper": QT_TRANSLATE_NOOP(
        "messages", "El ancho del papel debe ser 58 u 80 mm, no «{paper_mm}»."
    ),
    "settings.language": QT_TRANSLATE_NOOP(
        "messages", "El idioma «{language}» no existe: use «es» (español) o «en» (inglés)."
    ),
    "settings.nit_format": QT_TRANSLATE_NOOP(
        "messages",
        "«{nit}» no es un NIT: escríbalo con su dígito de verificación, como 900123456-8.",
    ),
    "settings.nit_check_digit": QT_TRANSLATE_NOOP(
        "messages",
        "El dígito de verificación del NIT {nit} no corresponde: revise el número.",
    ),
}
