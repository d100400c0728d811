"""The stylesheet: loaded from ``resources/styles/kiosk.qss`` and applied to the app."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QApplication

STYLES_FOLDER = "styles"
STYLESHEET = "kiosk.qss"
#: Where the QSS says ``url(@STYLES@/...)``, the styles folder's real path goes.
_FOLDER_MARK = "@STYLES@"


def load_stylesheet() -> str:
    """The QSS text shipped in the ``resources`` package, with its image paths resolved."""
    folder = resources.files("resources").joinpath(STYLES_FOLDER)
    qss = folder.joinpath(STYLESHEET).read_text(encoding="utf-8")
    # Qt wants forward slashes in url(), also on Windows.
    return qss.replace(_FOLDER_MARK, str(folder).replace("\\", "/"))


def apply_style(app: QApplication) -> str:
    """Fusion (the same look on every platform) plus the kiosk stylesheet; returns the QSS."""
    app.setStyle("Fusion")
    qss = load_stylesheet()
    app.setStyleSheet(qss)
    return qss
