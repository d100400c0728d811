"""The stylesheet: loaded from ``resources/styles/kiosk.qss`` and applied to the app.

There is one stylesheet for the counter and the kiosk (its kiosk rules sit under
``QMainWindow[kiosk="true"]``). Its text sizes scale: :func:`apply_style` ``scale``
re-applies the whole sheet with every ``font-size`` multiplied; the kiosk's larger-text
switch uses :func:`apply_text_scale` instead, which gives the same fonts by putting only
the sheet's ``font-size`` rules, scaled, on the window itself (a widget's own sheet wins
over the application's): about twenty times faster on the kiosk's window than re-applying
the application's sheet (bench/kiosk_look.py). Minimum heights stay floors, and the
controls' size hints grow with their text.
"""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtWidgets import QApplication, QWidget

STYLES_FOLDER = "styles"
STYLESHEET = "kiosk.qss"
#: Where the QSS says ``url(@STYLES@/...)``, the styles folder's real path goes.
_FOLDER_MARK = "@STYLES@"
#: The text sizes that a scale multiplies (``font-size: 22px``).
_FONT_SIZE = re.compile(r"(font-size:\s*)(\d+)px")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
#: The kiosk's "Letra grande": every text a quarter larger.
LARGE_TEXT_SCALE = 1.25


def scale_font_sizes(qss: str, scale: float) -> str:
    """``qss`` with every ``font-size: Npx`` multiplied by ``scale`` (whole px, ≥ 1)."""
    if scale == 1.0:
        return qss
    if scale <= 0:
        raise ValueError(f"a text scale must be positive, not {scale!r}")

    def scaled(match: re.Match[str]) -> str:
        return f"{match.group(1)}{max(1, round(int(match.group(2)) * scale))}px"

    return _FONT_SIZE.sub(scaled, qss)


def load_stylesheet(scale: float = 1.0) -> str:
    """The QSS text shipped in the ``resources`` package, with its image paths resolved
    and its text sizes multiplied by ``scale``."""
    folder = resources.files("resources").joinpath(STYLES_FOLDER)
    qss = folder.joinpath(STYLESHEET).read_text(encoding="utf-8")
    # Qt wants forward slashes in url(), also on Windows.
    qss = qss.replace(_FOLDER_MARK, str(folder).replace("\\", "/"))
    return scale_font_sizes(qss, scale)


def apply_style(app: QApplication, scale: float = 1.0) -> str:
    """Fusion (the same look on every platform) plus the kiosk stylesheet with its text
    sizes times ``scale`` (1.0: as written; :data:`LARGE_TEXT_SCALE`: "Letra grande");
    returns the QSS. Qt re-polishes every widget when the sheet changes."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    qss = load_stylesheet(scale)
    if app.styleSheet() != qss:
        app.setStyleSheet(qss)
    return qss


def text_scale_sheet(scale: float) -> str:
    """Only the ``font-size`` declarations of the stylesheet, each under its rule's own
    selectors and in the sheet's order, multiplied by ``scale``; ``""`` at 1.0."""
    if scale == 1.0:
        return ""
    rules = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", load_stylesheet(scale))):
        sizes = _FONT_SIZE.findall(body)
        if sizes:
            prefix, pixels = sizes[-1]  # the last declaration of a rule is the one that holds
            rules.append(f"{' '.join(selectors.split())} {{ {prefix}{pixels}px; }}")
    return "\n".join(rules)


def apply_text_scale(window: QWidget, scale: float = 1.0) -> None:
    """``window`` and everything in it (its dialogs too) with the stylesheet's text sizes
    times ``scale``, the application's sheet untouched (see the module's words)."""
    sheet = text_scale_sheet(scale)
    if window.styleSheet() != sheet:
        window.setStyleSheet(sheet)


def repolish(root: QWidget) -> None:
    """Apply the stylesheet again to ``root`` and everything in it: Qt does not watch
    dynamic properties, so after one that a selector names changes (``kiosk`` on the
    main window), the rules already applied stay until a re-polish."""
    for widget in (root, *root.findChildren(QWidget)):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
    root.update()
