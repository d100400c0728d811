"""Messages of the sales journal: its errors, what `verify` finds, and the CLI's lines."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    # --- Opening and locking ----------------------------------------------------------
    "journal.locked": QT_TRANSLATE_NOOP(
        "messages",
        "El diario de ventas ya está abierto en otra ventana de la aplicación. "
        "Cierre la otra ventana y vuelva a intentarlo.",
    ),
    "journal.bad_url": QT_TRANSLATE_NOOP(
        "messages",
        "La dirección del diario de ventas no es válida. Revise «url» en la sección "
        "[journal] de la configuración.",
    ),
    "journal.bad_db_option": QT_TRANSLATE_NOOP(
        "messages",
        "La dirección dada con --db no es válida. Escriba, por ejemplo, "
        "sqlite:///ruta/journal.sqlite3 o postgresql://usuario@servidor/base.",
    ),
    "journal.driver_missing": QT_TRANSLATE_NOOP(
        "messages",
        "Falta el controlador de PostgreSQL «{driver}». Instálelo con "
        "pip install 'kiosk[{extra}]' y use una dirección postgresql://….",
    ),
    "journal.unsupported_database": QT_TRANSLATE_NOOP(
        "messages",
        "El diario de ventas no funciona con la base de datos «{backend}». "
        "Use un archivo SQLite o PostgreSQL.",
    ),
    "journal.missing": QT_TRANSLATE_NOOP(
        "messages",
        "No se encontró el diario de ventas en {path}. Revise la ruta o abra la "
        "aplicación una vez para crearlo.",
    ),
    "journal.owner_required": QT_TRANSLATE_NOOP(
        "messages",
        "Para crear el diario de ventas hacen falta el código de la tienda y el del quiosco.",
    ),
    "journal.other_owner": QT_TRANSLATE_NOOP(
        "messages",
        "Este diario de ventas pertenece a otra tienda o quiosco (tienda {store_id}, "
        "quiosco {kiosk_id}). Revise la configuración antes de vender.",
    ),
    "journal.unavailable": QT_TRANSLATE_NOOP(
        "messages",
        "No se pudo abrir el diario de ventas ({detail}). Revise que la base de datos "
        "esté disponible y vuelva a intentarlo.",
    ),
    "journal.schema_old": QT_TRANSLATE_NOOP(
        "messages",
        "El diario de ventas tiene un formato anterior (versión {revision}). Ábralo con "
        "la aplicación para actualizarlo.",
    ),
    "journal.schema_unknown": QT_TRANSLATE_NOOP(
        "messages",
        "El diario de ventas fue escrito por una versión más nueva de la aplicación "
        "(versión {revision}). Actualice la aplicación.",
    ),
    # --- Writing ----------------------------------------------------------------------
    "journal.write_failed": QT_TRANSLATE_NOOP(
        "messages",
        "No se pudo guardar en el diario de ventas. La venta no cambió: espere un "
        "momento y vuelva a intentarlo. Si sigue fallando, reinicie la aplicación y avise "
        "al administrador.",
    ),
    "journal.purge_pending": QT_TRANSLATE_NOOP(
        "messages",
        "Las líneas se borraron del diario, pero el archivo sigue en uso y aún no se "
        "limpió del todo. Vuelva a ejecutar la purga cuando la aplicación esté quieta.",
    ),
    "journal.writer_closed": QT_TRANSLATE_NOOP(
        "messages",
        "El diario de ventas ya se cerró; no se pueden guardar más cambios. "
        "Reinicie la aplicación.",
    ),
    "journal.bad_reference": QT_TRANSLATE_NOOP(
        "messages", "La referencia de la venta no es válida."
    ),
    "journal.bad_event": QT_TRANSLATE_NOOP(
        "messages", "Error interno: el nombre del evento del diario no es válido."
    ),
    "journal.bad_actor": QT_TRANSLATE_NOOP(
        "messages", "Error interno: falta quién hizo el cambio o no es válido."
    ),
    "journal.bad_state": QT_TRANSLATE_NOOP(
        "messages", "Error interno: el estado de la venta no existe."
    ),
    "journal.bad_kind": QT_TRANSLATE_NOOP("messages", "Error interno: el tipo de venta no existe."),
    "journal.bad_amount": QT_TRANSLATE_NOOP(
        "messages", "El valor de la venta debe ser un número entero de pesos mayor que cero."
    ),
    "journal.bad_line": QT_TRANSLATE_NOOP(
        "messages", "La línea debe tener 10 dígitos, empezar por 3 y no llevar espacios."
    ),
    "journal.no_line_secret": QT_TRANSLATE_NOOP(
        "messages",
        "Falta la clave de la tienda para proteger las líneas. Revise la configuración "
        "(machine.toml o KIOSK_LINE_SECRET).",
    ),
    "journal.creation_fields": QT_TRANSLATE_NOOP(
        "messages", "Error interno: para crear una venta hacen falta el tipo, el valor y la línea."
    ),
    "journal.line_only_at_creation": QT_TRANSLATE_NOOP(
        "messages", "Error interno: la línea solo se guarda al crear la venta."
    ),
    "journal.reserved_key": QT_TRANSLATE_NOOP(
        "messages", "Error interno: el dato «{key}» lo escribe el diario, no quien llama."
    ),
    "journal.kind_mismatch": QT_TRANSLATE_NOOP(
        "messages", "Error interno: la venta {reference} es de otro tipo."
    ),
    "journal.amount_mismatch": QT_TRANSLATE_NOOP(
        "messages", "Error interno: el valor de la venta {reference} no se puede cambiar."
    ),
    "journal.personal_data": QT_TRANSLATE_NOOP(
        "messages",
        "No se guardó: el dato «{key}» parece información personal (correo, documento, "
        "teléfono o línea) y el diario no la admite. Escríbalo sin esos datos.",
    ),
    "journal.bad_payload": QT_TRANSLATE_NOOP(
        "messages",
        "Error interno: el dato «{key}» no se puede guardar en el diario "
        "(tipo no admitido, muy largo o muy anidado).",
    ),
    "journal.bad_against": QT_TRANSLATE_NOOP(
        "messages",
        "El hash para comparar no es válido: escriba el hash completo que se imprimió "
        "(al menos 16 caracteres), o ENTRADA:HASH.",
    ),
    "journal.bad_days": QT_TRANSLATE_NOOP("messages", "El número de días debe ser cero o más."),
    "journal.no_such_sale": QT_TRANSLATE_NOOP(
        "messages", "No existe la venta {reference} en el diario. Revise la referencia."
    ),
    # --- What verify finds ------------------------------------------------------------
    "journal.entry_edited": QT_TRANSLATE_NOOP(
        "messages", "la entrada {seq} fue modificada después de escrita"
    ),
    "journal.entry_deleted": QT_TRANSLATE_NOOP("messages", "falta la entrada {seq}: fue borrada"),
    "journal.entry_inserted": QT_TRANSLATE_NOOP(
        "messages", "la entrada {seq} fue insertada después (no pertenece a la cadena)"
    ),
    "journal.entry_reordered": QT_TRANSLATE_NOOP(
        "messages", "la entrada {seq} está fuera de su lugar: las entradas fueron reordenadas"
    ),
    "journal.chain_broken": QT_TRANSLATE_NOOP(
        "messages", "la entrada {seq} no enlaza con la anterior: la anterior fue cambiada o borrada"
    ),
    "journal.bad_entry": QT_TRANSLATE_NOOP(
        "messages", "la entrada {seq} está dañada o no tiene sentido"
    ),
    "journal.illegal_transition": QT_TRANSLATE_NOOP(
        "messages", "la entrada {seq} hace un cambio de estado no permitido ({current} → {target})"
    ),
    "journal.sale_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "la venta {reference} no coincide con el diario (campo «{field}»; última entrada {seq})",
    ),
    "journal.sale_missing": QT_TRANSLATE_NOOP(
        "messages", "falta la fila de la venta {reference} (última entrada {seq})"
    ),
    "journal.sale_extra": QT_TRANSLATE_NOOP(
        "messages", "la venta {reference} aparece en la tabla de ventas pero no en el diario"
    ),
    "journal.line_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "la línea guardada de la venta {reference} no coincide con su huella en el diario",
    ),
    "journal.line_secret_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "ninguna de las {count} líneas guardadas coincide con su huella en el diario: la clave "
        "de la tienda (KIOSK_LINE_SECRET) no es la de este diario, o todas fueron cambiadas",
    ),
    "journal.damaged": QT_TRANSLATE_NOOP(
        "messages", "el archivo de la base de datos está dañado ({detail})"
    ),
    "journal.trigger_missing": QT_TRANSLATE_NOOP(
        "messages",
        "falta la protección «{trigger}» que impide cambiar o borrar entradas del diario",
    ),
    "journal.trigger_changed": QT_TRANSLATE_NOOP(
        "messages",
        "la protección «{trigger}» que impide cambiar o borrar entradas del diario "
        "fue cambiada o desactivada",
    ),
    "journal.meta_missing": QT_TRANSLATE_NOOP(
        "messages", "faltan los datos de origen del diario (tienda, quiosco, fecha de creación)"
    ),
    "journal.genesis_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "los datos de origen del diario (tienda, quiosco, fecha de creación) fueron cambiados",
    ),
    "journal.against_missing": QT_TRANSLATE_NOOP(
        "messages", "el hash {hash} impreso antes ya no está en la cadena: el diario fue reescrito"
    ),
    "journal.against_moved": QT_TRANSLATE_NOOP(
        "messages",
        "el hash {hash} impreso antes ya no está en la entrada {seq} "
        "(ahora en la {found}): el diario fue reescrito",
    ),
    # --- CLI lines --------------------------------------------------------------------
    "journal.cli.intact": QT_TRANSLATE_NOOP(
        "messages", "Diario íntegro: {entries}, {sales}, último hash {last_hash}"
    ),
    # {entries} and {sales} of journal.cli.intact: counted, with their plural forms.
    "journal.cli.entries": QT_TRANSLATE_NOOP("messages", "%n entrada(s)"),
    "journal.cli.sales": QT_TRANSLATE_NOOP("messages", "%n venta(s)"),
    "journal.cli.against_ok": QT_TRANSLATE_NOOP(
        "messages", "El hash {hash} sigue en la cadena, en la entrada {seq}."
    ),
    "journal.cli.lines_unchecked": QT_TRANSLATE_NOOP(
        "messages",
        "Las líneas guardadas no se compararon con sus huellas: falta la clave de la tienda. "
        "Désela en la variable de entorno KIOSK_LINE_SECRET.",
    ),
    "journal.cli.tampered": QT_TRANSLATE_NOOP(
        "messages",
        "Diario alterado: {problem}. Guarde una copia del archivo y avise al administrador.",
    ),
    "journal.cli.purged": QT_TRANSLATE_NOOP(
        "messages", "Líneas borradas: {count} (de ventas cerradas, guardadas antes del {cutoff})."
    ),
    "journal.cli.settled": QT_TRANSLATE_NOOP(
        "messages", "Venta {reference} cerrada como resuelta. Hash de la entrada: {hash}"
    ),
}
