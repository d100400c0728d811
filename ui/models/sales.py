"""The history's table: sales newest first, one keyset page at a time (``fetchMore``).

The model never holds more than the pages the clerk scrolled through: when the view
reaches the end it asks for more (``canFetchMore``/``fetchMore``), the model says so with
``moreWanted`` and the screen's controller answers with the next page (``appendSales``).
Lines are masked as the journal keeps them; a full line never reaches this model.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kiosk.controllers.language import formats, translate
from kiosk.controllers.sale_words import kind_words, state_words

if TYPE_CHECKING:
    from kiosk.journal import SaleRecord

Index = QModelIndex | QPersistentModelIndex

#: The columns, in order (their keys name them for tests).
COLUMNS = (
    "moment",
    "reference",
    "kind",
    "operator",
    "line",
    "amount",
    "earned",
    "state",
    "clerk",
)
_RIGHT = frozenset({"amount", "earned"})
#: The role that hands over the sale's reference (any column).
REFERENCE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The role that hands over the sale itself.
SALE_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def column_titles() -> dict[str, str]:
    return {
        "moment": translate("SalesModel", "Fecha y hora"),
        "reference": translate("SalesModel", "Referencia"),
        "kind": translate("SalesModel", "Venta"),
        "operator": translate("SalesModel", "Operador"),
        "line": translate("SalesModel", "Línea"),
        "amount": translate("SalesModel", "Valor"),
        "earned": translate("SalesModel", "Ganancia"),
        "state": translate("SalesModel", "Estado"),
        "clerk": translate("SalesModel", "Cajero"),
    }


def earned_text(sale: SaleRecord) -> str:
    """What the store earned on the sale (the provider's discount), in its currency."""
    if sale.earned_minor is None:
        return ""
    currency = sale.earned_currency or "COP"
    return formats().money(Decimal(sale.earned_minor) / 100, currency)


def cell_text(sale: SaleRecord, column: str) -> str:
    """A sale's cell as the table shows it, in the current language and formats."""
    if column == "moment":
        return formats().moment(sale.created_at)
    if column == "reference":
        return sale.reference
    if column == "kind":
        return kind_words(sale.kind)
    if column == "operator":
        return sale.operator_name or ""
    if column == "line":
        return sale.line_masked
    if column == "amount":
        return formats().pesos(sale.amount_pesos)
    if column == "earned":
        return earned_text(sale)
    if column == "state":
        return state_words(sale.state)
    if column == "clerk":
        return sale.clerk or ""
    raise KeyError(column)


class SalesModel(QAbstractTableModel):
    """Sales in the order given (the journal's: newest first), with lazy paging.

    ``setSales(sales, has_more)`` starts over (a new search), ``appendSales(sales,
    has_more)`` adds the next page; ``setLoading(bool)`` holds ``fetchMore`` while a page is
    on its way. ``moreWanted`` asks for the next page. ``sale(row)``, ``reference(row)``.
    Headers and cells follow the language (``retranslate``).
    """

    moreWanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sales: list[SaleRecord] = []
        self._has_more = False
        self._loading = False

    # -- data in -----------------------------------------------------------------------

    def setSales(self, sales: Sequence[SaleRecord], has_more: bool) -> None:
        self.beginResetModel()
        self._sales = list(sales)
        self._has_more = has_more
        self._loading = False
        self.endResetModel()

    def appendSales(self, sales: Sequence[SaleRecord], has_more: bool) -> None:
        self._loading = False
        self._has_more = has_more
        if not sales:
            return
        first = len(self._sales)
        self.beginInsertRows(QModelIndex(), first, first + len(sales) - 1)
        self._sales.extend(sales)
        self.endInsertRows()

    def clear(self) -> None:
        self.setSales([], False)

    def setLoading(self, loading: bool) -> None:
        self._loading = loading

    def hasMore(self) -> bool:
        return self._has_more

    def sale(self, row: int) -> SaleRecord:
        return self._sales[row]

    def reference(self, row: int) -> str:
        return self._sales[row].reference

    def sales(self) -> list[SaleRecord]:
        return list(self._sales)

    def retranslate(self) -> None:
        """Headers and cells again in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._sales:
            last = self.index(len(self._sales) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- Qt's model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._sales)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sales):
            return None
        sale = self._sales[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(sale, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == REFERENCE_ROLE:
            return sale.reference
        if role == SALE_ROLE:
            return sale
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[COLUMNS[section]]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        self.moreWanted.emit()
