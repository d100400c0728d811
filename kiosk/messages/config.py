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
        "Configuración: la clave «{key}» de «{section}» debe ser {expected}.",
    ),
    "config.not_utf8": QT_TRANSLATE_NOOP(
        "messages",
        "El archivo de configuración {path} no está en UTF-8. Guárdelo con la codificación "
        "UTF-8 (en el Bloc de notas: Guardar como, Codificación UTF-8).",
    ),
    "config.secrets_exposed": QT_TRANSLATE_NOOP(
        "messages",
        "El archivo de configuración {path} guarda llaves o secretos y otros usuarios "
        "pueden leerlo o cambiarlo (permisos {mode}). Déjelo solo para su dueño con: "
        "chmod 600 {path}",
    ),
    "config.no_display": QT_TRANSLATE_NOOP(
        "messages",
        "No hay pantalla para abrir la ventana (ni DISPLAY ni WAYLAND_DISPLAY). Sin "
        "pantalla, use QT_QPA_PLATFORM=offscreen kiosk, o xvfb-run kiosk.",
    ),
    "config.display_failed": QT_TRANSLATE_NOOP(
        "messages",
        "No se pudo abrir la pantalla. Qt dice: {detail} Sin pantalla, use "
        "QT_QPA_PLATFORM=offscreen kiosk, o xvfb-run kiosk.",
    ),
    "config.display_unreachable": QT_TRANSLATE_NOOP(
        "messages",
        "No se puede abrir la pantalla {display}: no responde. Revise DISPLAY, o sin "
        "pantalla use QT_QPA_PLATFORM=offscreen kiosk, o xvfb-run kiosk.",
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
    "config.bad_value": QT_TRANSLATE_NOOP(
        "messages", "Configuración: la clave «{key}» de «{section}» no sirve: {reason}"
    ),
    "config.data_folder": QT_TRANSLATE_NOOP(
        "messages",
        "No se puede usar la carpeta de datos {path} ({detail}). Revise sus permisos o "
        "elija otra con KIOSK_DATA_DIR.",
    ),
}
