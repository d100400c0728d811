"""Top-up counter and self-service kiosk: core package (no widgets here)."""

__version__ = "0.1.0"
