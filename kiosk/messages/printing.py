"""Messages of the receipt printer (``kiosk.printing``) and of printing receipts."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "printer.bad_target": QT_TRANSLATE_NOOP(
        "messages",
        "La dirección de la impresora «{target}» no sirve. Use tcp:HOST:PUERTO (o "
        "HOST:PUERTO; puerto 9100 si no lo dice), usb:VID:PID (en hexadecimal), "
        "serial:/dev/ttyUSB0[:BAUDIOS] o file:/ruta.",
    ),
    "printer.bad_paper": QT_TRANSLATE_NOOP(
        "messages", "El ancho del papel ({paper_mm} mm) no existe: use 58 u 80."
    ),
    # What happened and what to do with the printer, nothing more: the result screen, the
    # report and a sale's detail show these same words and each adds its own next step.
    "printer.not_configured": QT_TRANSLATE_NOOP(
        "messages",
        "No hay impresora configurada: un administrador la elige en Ajustes → Impresora.",
    ),
    "printer.missing": QT_TRANSLATE_NOOP(
        "messages",
        "No se encontró la impresora ({target}). Revise que esté encendida y conectada.",
    ),
    "printer.no_paper": QT_TRANSLATE_NOOP(
        "messages", "La impresora no tiene papel. Ponga un rollo nuevo."
    ),
    "printer.failed": QT_TRANSLATE_NOOP(
        "messages", "La impresora ({target}) no terminó de imprimir. Revísela."
    ),
    "printer.no_driver": QT_TRANSLATE_NOOP(
        "messages",
        "Para imprimir en {target} falta el componente {module}. Instálelo con: pip install "
        '"kiosk[printers]".',
    ),
    "receipt.unknown_sale": QT_TRANSLATE_NOOP(
        "messages", "No hay ninguna venta con la referencia {reference}."
    ),
    "receipt.pdf_failed": QT_TRANSLATE_NOOP(
        "messages", "No se pudo guardar el PDF en {path}: {detail}"
    ),
}
