"""The "save as" dialog of the back office (a CSV of sales, a report's PDF): one shape."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLayout, QWidget


def save_dialog(
    parent: QWidget,
    *,
    title: str,
    name: str,
    name_filter: str,
    suffix: str,
    suggested: str,
    native: bool,
) -> QFileDialog:
    """A window-modal save dialog (not yet open) suggesting ``suggested`` and adding
    ``suffix`` when the clerk types none. ``native=False``: Qt's own dialog, sized to fit
    the counter's screen (tests drive it; the platform's may not exist offscreen)."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if not native:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        inner = dialog.layout()
        if inner is not None:
            inner.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        dialog.resize(820, 520)
    if suggested:
        dialog.selectFile(suggested)
    return dialog
