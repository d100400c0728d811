"""Messages of the exports (kiosk/services/exports.py, `kiosk export`, `verify --json`)."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    # --- What goes wrong ----------------------------------------------------------------
    "exports.bad_date": QT_TRANSLATE_NOOP(
        "messages",
        "La fecha de {option} no es válida: «{value}». Escríbala como AAAA-MM-DD, "
        "por ejemplo 2025-01-31.",
    ),
    "exports.inverted_range": QT_TRANSLATE_NOOP(
        "messages", "La fecha de --from es posterior a la de --to: no hay días que exportar."
    ),
    "exports.json_takes_no_days": QT_TRANSLATE_NOOP(
        "messages",
        "--json exporta el diario entero: no lleva --from, --to ni --full-lines "
        "(esas son del CSV).",
    ),
    "exports.write_failed": QT_TRANSLATE_NOOP(
        "messages",
        "No se pudo escribir {path} ({detail}). No quedó ningún archivo a medias: revise "
        "la carpeta y el espacio libre y vuelva a intentarlo.",
    ),
    "exports.pin_needed": QT_TRANSLATE_NOOP(
        "messages",
        "Las líneas completas solo se exportan con el PIN de administrador: ejecute el "
        "comando en una terminal para escribirlo, o déselo en la variable de entorno "
        "KIOSK_ADMIN_PIN. No se escribió nada.",
    ),
    "exports.pin_refused": QT_TRANSLATE_NOOP("messages", "{reason} No se escribió nada."),
    "exports.json_missing": QT_TRANSLATE_NOOP(
        "messages", "No se encontró la exportación {path}. Revise la ruta."
    ),
    "exports.json_unreadable": QT_TRANSLATE_NOOP(
        "messages", "No se pudo leer la exportación {path} ({detail})."
    ),
    "exports.json_not_export": QT_TRANSLATE_NOOP(
        "messages",
        "{path} no es una exportación del diario de ventas (la que escribe "
        "«kiosk export --json»), o está incompleta o dañada.",
    ),
    "exports.json_version": QT_TRANSLATE_NOOP(
        "messages",
        "La exportación tiene un formato más nuevo (versión {version}) que esta aplicación. "
        "Actualice la aplicación para verificarla.",
    ),
    # --- CLI lines --------------------------------------------------------------------
    "exports.cli.csv_written": QT_TRANSLATE_NOOP(
        "messages", "%n venta(s) exportada(s) a {path} (del {first} al {last})."
    ),
    "exports.cli.full_lines_warning": QT_TRANSLATE_NOOP(
        "messages",
        "El archivo lleva las líneas completas de los clientes: guárdelo donde solo lo vea "
        "quien debe, y bórrelo cuando ya no lo necesite.",
    ),
    "exports.cli.json_written": QT_TRANSLATE_NOOP(
        "messages",
        "%n entrada(s) del diario exportada(s) a {path}, último hash {last_hash}. "
        "Para verificarla en otro equipo: kiosk journal verify --json {path}",
    ),
    "exports.cli.json_no_lines": QT_TRANSLATE_NOOP(
        "messages",
        "Se verificaron la cadena y lo que dice de cada venta; una exportación no lleva "
        "las líneas de los clientes ni la tabla de ventas, así que esas no se comparan.",
    ),
}
