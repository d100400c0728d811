"""Receipts and reports on paper: ESC/POS thermal printers through python-escpos.

* :mod:`kiosk.printing.targets`: where the printer is (``parse_target``: network, USB,
  serial or a file), from the ``[printer] target`` setting;
* :mod:`kiosk.printing.escpos_printer`: a :class:`~kiosk.domain.document.Document` laid out
  in the paper's columns and sent (``print_document``), Spanish accents in code page 850.

No Qt here: the core prints on a worker thread the controllers start.
"""
