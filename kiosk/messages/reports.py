"""Messages of the shift reports (X and Z) and of settling a paid-not-delivered sale."""

from kiosk.domain.text import QT_TRANSLATE_NOOP

MESSAGES = {
    "report.settle_how_missing": QT_TRANSLATE_NOOP(
        "messages",
        "Escriba cómo se le respondió al cliente (por ejemplo, «reembolso en efectivo») "
        "antes de cerrar la venta como resuelta.",
    ),
    "report.pdf_failed": QT_TRANSLATE_NOOP(
        "messages", "No se pudo guardar el PDF en {path} ({detail})."
    ),
    "report.cli.pdf_written": QT_TRANSLATE_NOOP("messages", "Informe guardado en PDF: {path}"),
}
