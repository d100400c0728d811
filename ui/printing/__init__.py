"""Documents painted with Qt: the PDF of a receipt or a report (``ui.printing.pdf``), and
the report's chart (``ui.printing.chart``). The words come in a
:class:`~kiosk.domain.document.Document` built by the controllers."""
