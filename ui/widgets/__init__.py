"""Reusable widgets (keypad, QR view, ...) that screens compose."""
