"""Alembic migrations of the journal (run in code by kiosk.journal.migrate)."""
