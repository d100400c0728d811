"""The SANDBOX banner: shown whenever the embedded sandbox serves the payments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

SANDBOX_TEXT = "SANDBOX — pagos de prueba, no se cobra dinero real"


class SandboxBanner(QLabel):
    """A full-width warning strip (objectName ``sandboxBanner``); hidden unless told otherwise.

    No signals; show or hide it with ``setVisible`` (``MainWindow.setSandbox`` does).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SANDBOX_TEXT, parent)
        self.setObjectName("sandboxBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(SANDBOX_TEXT)
        self.setWordWrap(True)
