"""Messages of the sales journal: its errors, what `verify` finds, and the CLI's lines."""

MESSAGES = {
    # --- Opening and locking ----------------------------------------------------------
    "journal.locked": {
        "es": "El diario de ventas ya está abierto en otra ventana de la aplicación. "
        "Cierre la otra ventana y vuelva a intentarlo.",
        "en": "The sales journal is already open in another window of the app. "
        "Close the other window and try again.",
    },
    "journal.bad_url": {
        "es": "La dirección del diario de ventas no es válida. Revise «url» en la sección "
        "[journal] de la configuración.",
        "en": "The sales journal address is not valid. Check “url” in the [journal] "
        "section of the configuration.",
    },
    "journal.unsupported_database": {
        "es": "El diario de ventas no funciona con la base de datos «{backend}». "
        "Use un archivo SQLite o PostgreSQL.",
        "en": "The sales journal does not work with the “{backend}” database. "
        "Use a SQLite file or PostgreSQL.",
    },
    "journal.missing": {
        "es": "No se encontró el diario de ventas en {path}. Revise la ruta o abra la "
        "aplicación una vez para crearlo.",
        "en": "No sales journal was found at {path}. Check the path, or start the app "
        "once to create it.",
    },
    "journal.owner_required": {
        "es": "Para crear el diario de ventas hacen falta el código de la tienda y el del quiosco.",
        "en": "Creating the sales journal needs the store id and the kiosk id.",
    },
    "journal.other_owner": {
        "es": "Este diario de ventas pertenece a otra tienda o quiosco (tienda {store_id}, "
        "quiosco {kiosk_id}). Revise la configuración antes de vender.",
        "en": "This sales journal belongs to another store or kiosk (store {store_id}, "
        "kiosk {kiosk_id}). Check the configuration before selling.",
    },
    "journal.unavailable": {
        "es": "No se pudo abrir el diario de ventas ({detail}). Revise que la base de datos "
        "esté disponible y vuelva a intentarlo.",
        "en": "The sales journal could not be opened ({detail}). Check that the database is "
        "available and try again.",
    },
    "journal.schema_old": {
        "es": "El diario de ventas tiene un formato anterior (versión {revision}). Ábralo con "
        "la aplicación para actualizarlo.",
        "en": "The sales journal has an older format (version {revision}). Open it with the "
        "app to upgrade it.",
    },
    "journal.schema_unknown": {
        "es": "El diario de ventas fue escrito por una versión más nueva de la aplicación "
        "(versión {revision}). Actualice la aplicación.",
        "en": "The sales journal was written by a newer version of the app "
        "(version {revision}). Update the app.",
    },
    # --- Writing ----------------------------------------------------------------------
    "journal.write_failed": {
        "es": "No se pudo guardar en el diario de ventas. La venta no cambió: espere un "
        "momento y vuelva a intentarlo. Si sigue fallando, reinicie la aplicación y avise "
        "al administrador.",
        "en": "Could not write to the sales journal. The sale did not change: wait a moment "
        "and try again. If it keeps failing, restart the app and tell the administrator.",
    },
    "journal.purge_pending": {
        "es": "Las líneas se borraron del diario, pero el archivo sigue en uso y aún no se "
        "limpió del todo. Vuelva a ejecutar la purga cuando la aplicación esté quieta.",
        "en": "The lines were erased from the journal, but the file is busy and not yet fully "
        "cleaned. Run the purge again when the app is idle.",
    },
    "journal.writer_closed": {
        "es": "El diario de ventas ya se cerró; no se pueden guardar más cambios. "
        "Reinicie la aplicación.",
        "en": "The sales journal is closed; no more changes can be saved. Restart the app.",
    },
    "journal.bad_reference": {
        "es": "La referencia de la venta no es válida.",
        "en": "The sale reference is not valid.",
    },
    "journal.bad_event": {
        "es": "Error interno: el nombre del evento del diario no es válido.",
        "en": "Internal error: the journal event name is not valid.",
    },
    "journal.bad_actor": {
        "es": "Error interno: falta quién hizo el cambio o no es válido.",
        "en": "Internal error: who made the change is missing or not valid.",
    },
    "journal.bad_state": {
        "es": "Error interno: el estado de la venta no existe.",
        "en": "Internal error: the sale state does not exist.",
    },
    "journal.bad_kind": {
        "es": "Error interno: el tipo de venta no existe.",
        "en": "Internal error: the kind of sale does not exist.",
    },
    "journal.bad_amount": {
        "es": "El valor de la venta debe ser un número entero de pesos mayor que cero.",
        "en": "The sale amount must be a whole number of pesos above zero.",
    },
    "journal.bad_line": {
        "es": "La línea debe tener 10 dígitos, empezar por 3 y no llevar espacios.",
        "en": "The line must be 10 digits starting with 3, without spaces.",
    },
    "journal.no_line_secret": {
        "es": "Falta la clave de la tienda para proteger las líneas. Revise la configuración "
        "(machine.toml o KIOSK_LINE_SECRET).",
        "en": "The store key that protects lines is missing. Check the configuration "
        "(machine.toml or KIOSK_LINE_SECRET).",
    },
    "journal.creation_fields": {
        "es": "Error interno: para crear una venta hacen falta el tipo, el valor y la línea.",
        "en": "Internal error: creating a sale needs its kind, amount and line.",
    },
    "journal.line_only_at_creation": {
        "es": "Error interno: la línea solo se guarda al crear la venta.",
        "en": "Internal error: the line is stored only when the sale is created.",
    },
    "journal.reserved_key": {
        "es": "Error interno: el dato «{key}» lo escribe el diario, no quien llama.",
        "en": "Internal error: the “{key}” field is written by the journal, not the caller.",
    },
    "journal.kind_mismatch": {
        "es": "Error interno: la venta {reference} es de otro tipo.",
        "en": "Internal error: sale {reference} is of another kind.",
    },
    "journal.amount_mismatch": {
        "es": "Error interno: el valor de la venta {reference} no se puede cambiar.",
        "en": "Internal error: the amount of sale {reference} cannot change.",
    },
    "journal.personal_data": {
        "es": "No se guardó: el dato «{key}» parece información personal (correo, documento, "
        "teléfono o línea) y el diario no la admite. Escríbalo sin esos datos.",
        "en": "Not saved: the “{key}” field looks like personal data (email, document, phone or "
        "line), which the journal does not accept. Write it without such data.",
    },
    "journal.bad_payload": {
        "es": "Error interno: el dato «{key}» no se puede guardar en el diario "
        "(tipo no admitido, muy largo o muy anidado).",
        "en": "Internal error: the “{key}” field cannot be stored in the journal "
        "(unsupported type, too long or too deeply nested).",
    },
    "journal.bad_against": {
        "es": "El hash para comparar no es válido: escriba el hash completo que se imprimió "
        "(al menos 16 caracteres), o ENTRADA:HASH.",
        "en": "The hash to compare is not valid: type the full hash that was printed "
        "(at least 16 characters), or ENTRY:HASH.",
    },
    "journal.bad_days": {
        "es": "El número de días debe ser cero o más.",
        "en": "The number of days must be zero or more.",
    },
    "journal.no_such_sale": {
        "es": "No existe la venta {reference} en el diario. Revise la referencia.",
        "en": "Sale {reference} is not in the journal. Check the reference.",
    },
    # --- What verify finds ------------------------------------------------------------
    "journal.entry_edited": {
        "es": "la entrada {seq} fue modificada después de escrita",
        "en": "entry {seq} was changed after it was written",
    },
    "journal.entry_deleted": {
        "es": "falta la entrada {seq}: fue borrada",
        "en": "entry {seq} is missing: it was deleted",
    },
    "journal.entry_inserted": {
        "es": "la entrada {seq} fue insertada después (no pertenece a la cadena)",
        "en": "entry {seq} was inserted afterwards (it does not belong to the chain)",
    },
    "journal.entry_reordered": {
        "es": "la entrada {seq} está fuera de su lugar: las entradas fueron reordenadas",
        "en": "entry {seq} is out of place: entries were reordered",
    },
    "journal.chain_broken": {
        "es": "la entrada {seq} no enlaza con la anterior: la anterior fue cambiada o borrada",
        "en": "entry {seq} does not link to the one before: that one was changed or deleted",
    },
    "journal.bad_entry": {
        "es": "la entrada {seq} está dañada o no tiene sentido",
        "en": "entry {seq} is damaged or makes no sense",
    },
    "journal.illegal_transition": {
        "es": "la entrada {seq} hace un cambio de estado no permitido ({current} → {target})",
        "en": "entry {seq} makes a state change that is not allowed ({current} → {target})",
    },
    "journal.sale_mismatch": {
        "es": "la venta {reference} no coincide con el diario (campo «{field}»; "
        "última entrada {seq})",
        "en": "sale {reference} does not match the journal (field “{field}”; last entry {seq})",
    },
    "journal.sale_missing": {
        "es": "falta la fila de la venta {reference} (última entrada {seq})",
        "en": "the row of sale {reference} is missing (last entry {seq})",
    },
    "journal.sale_extra": {
        "es": "la venta {reference} aparece en la tabla de ventas pero no en el diario",
        "en": "sale {reference} is in the sales table but not in the journal",
    },
    "journal.line_mismatch": {
        "es": "la línea guardada de la venta {reference} no coincide con su huella en el diario",
        "en": "the stored line of sale {reference} does not match its fingerprint in the journal",
    },
    "journal.meta_missing": {
        "es": "faltan los datos de origen del diario (tienda, quiosco, fecha de creación)",
        "en": "the journal's origin data (store, kiosk, creation date) is missing",
    },
    "journal.genesis_mismatch": {
        "es": "los datos de origen del diario (tienda, quiosco, fecha de creación) "
        "fueron cambiados",
        "en": "the journal's origin data (store, kiosk, creation date) was changed",
    },
    "journal.against_missing": {
        "es": "el hash {hash} impreso antes ya no está en la cadena: el diario fue reescrito",
        "en": "the earlier printed hash {hash} is no longer in the chain: "
        "the journal was rewritten",
    },
    "journal.against_moved": {
        "es": "el hash {hash} impreso antes ya no está en la entrada {seq} "
        "(ahora en la {found}): el diario fue reescrito",
        "en": "the earlier printed hash {hash} is no longer at entry {seq} "
        "(now at {found}): the journal was rewritten",
    },
    # --- CLI lines --------------------------------------------------------------------
    "journal.cli.intact": {
        "es": "Diario íntegro: {entries} entradas, {sales} ventas, último hash {last_hash}",
        "en": "Journal intact: {entries} entries, {sales} sales, last hash {last_hash}",
    },
    "journal.cli.against_ok": {
        "es": "El hash {hash} sigue en la cadena, en la entrada {seq}.",
        "en": "Hash {hash} is still in the chain, at entry {seq}.",
    },
    "journal.cli.tampered": {
        "es": "Diario alterado: {problem}. Guarde una copia del archivo y avise al administrador.",
        "en": "Journal tampered with: {problem}. Keep a copy of the file and tell the "
        "administrator.",
    },
    "journal.cli.purged": {
        "es": "Líneas borradas: {count} (de ventas cerradas, guardadas antes del {cutoff}).",
        "en": "Lines erased: {count} (of closed sales, stored before {cutoff}).",
    },
    "journal.cli.settled": {
        "es": "Venta {reference} cerrada como resuelta. Hash de la entrada: {hash}",
        "en": "Sale {reference} closed as settled. Entry hash: {hash}",
    },
    "journal.cli.help": {
        "es": "diario de ventas: verificar, purgar líneas, cerrar ventas pagadas sin entregar",
        "en": "sales journal: verify, purge lines, settle paid-not-delivered sales",
    },
}
