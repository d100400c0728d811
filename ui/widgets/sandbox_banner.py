"""The SANDBOX banner: shown whenever the embedded sandbox serves the payments."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.controllers.language import translate


def sandbox_text() -> str:
    """The banner's words in the current language (they keep the word "SANDBOX")."""
    return translate("SandboxBanner", "SANDBOX — pagos de prueba, no se cobra dinero real")


class SandboxBanner(QLabel):
    """A full-width warning strip (objectName ``sandboxBanner``); hidden unless told otherwise.

    No signals; show or hide it with ``setVisible`` (``MainWindow.setSandbox`` does).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandboxBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(sandbox_text())
        self.setAccessibleName(sandbox_text())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
