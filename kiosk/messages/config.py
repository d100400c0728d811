"""Messages of the configuration loader."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "config.section_not_table": QT_TRANSLATE_NOOP(
        "messages", "Configuración: «{section}» debe ser una sección [{section}]."
    ),
    "config.unknown_key": QT_TRANSLATE_NOOP(
        "messages", "Configuración: clave desconocida «{key}» en la sección «{section}»."
    ),
    "config.wrong_type": QT_TRANSLATE_NOOP(
        "messages",
        "Configuración: la clave «{key}» de «{section}» tiene un tipo de valor incorrecto.",
    ),
    "config.invalid_toml": QT_TRANSLATE_NOOP(
        "messages", "El archivo de configuración {path} no es TOML válido: {detail}"
    ),
    "config.unreadable": QT_TRANSLATE_NOOP(
        "messages", "No se puede leer el archivo de configuración {path}: {detail}"
    ),
    "config.missing_file": QT_TRANSLATE_NOOP(
        "messages", "No existe el archivo de configuración {path}."
    ),
    "config.bad_mode": QT_TRANSLATE_NOOP(
        "messages", "Configuración: el modo «{mode}» no existe; use «counter» o «kiosk»."
    ),
    "config.bad_language": QT_TRANSLATE_NOOP(
        "messages", "Configuración: el idioma «{language}» no existe en [ui]; use «es» o «en»."
    ),
}
