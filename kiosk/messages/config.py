"""Messages of the configuration loader."""

MESSAGES = {
    "config.section_not_table": {
        "es": "Configuración: «{section}» debe ser una sección [{section}].",
        "en": "Configuration: “{section}” must be a [{section}] table.",
    },
    "config.unknown_key": {
        "es": "Configuración: clave desconocida «{key}» en la sección «{section}».",
        "en": "Configuration: unknown key “{key}” in section “{section}”.",
    },
    "config.wrong_type": {
        "es": "Configuración: la clave «{key}» de «{section}» tiene un tipo de valor incorrecto.",
        "en": "Configuration: key “{key}” in “{section}” has the wrong type of value.",
    },
    "config.invalid_toml": {
        "es": "El archivo de configuración {path} no es TOML válido: {detail}",
        "en": "The configuration file {path} is not valid TOML: {detail}",
    },
    "config.unreadable": {
        "es": "No se puede leer el archivo de configuración {path}: {detail}",
        "en": "Cannot read the configuration file {path}: {detail}",
    },
    "config.missing_file": {
        "es": "No existe el archivo de configuración {path}.",
        "en": "The configuration file {path} does not exist.",
    },
    "config.bad_mode": {
        "es": "Configuración: el modo «{mode}» no existe; use «counter» o «kiosk».",
        "en": "Configuration: mode “{mode}” does not exist; use “counter” or “kiosk”.",
    },
}
