"""What ``verify`` checks of the database itself, beyond the chain: the file, the triggers.

* ``journal.damaged``: SQLite's ``PRAGMA integrity_check`` found a damaged page
  or an index that disagrees with its table (the chain may still replay, from
  the table, while queries through the index see other rows). PostgreSQL keeps
  its own files; there this check is the server's business.
* ``journal.trigger_missing`` / ``journal.trigger_changed``: an append-only
  trigger of migration 0001 is gone, or no longer refuses (other SQL, disabled,
  another function). Without them an edit is no longer stopped, only found.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from kiosk.journal.schema import PG_REFUSE_FUNCTION, append_only_triggers
from kiosk.journal.verify import Problem, problem_at

#: SQLite's own words are shown (the first finding, shortened): names of pages and indexes.
_DETAIL_LIMIT = 200
# pg_trigger.tgenabled: "O" fires in the normal (origin) role, "A" always; "D" is disabled.
_PG_ENABLED = frozenset({"O", "A"})


def integrity_problem(connection: Connection) -> Problem | None:
    """The first thing ``PRAGMA integrity_check`` reports (SQLite only), or None."""
    if connection.dialect.name != "sqlite":
        return None
    findings = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if findings == ["ok"]:
        return None
    detail = findings[0] if findings else "?"
    return problem_at(None, "journal.damaged", detail=detail[:_DETAIL_LIMIT])


def trigger_problem(connection: Connection) -> Problem | None:
    """The first append-only trigger that is missing or no longer the migration's, or None."""
    dialect = connection.dialect.name
    expected = append_only_triggers(dialect)
    if dialect == "sqlite":
        found: dict[str, str] = {
            str(name): str(sql)
            for name, sql in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
        for name, sql in expected.items():
            if name not in found:
                return problem_at(None, "journal.trigger_missing", trigger=name)
            if found[name] != sql:
                return problem_at(None, "journal.trigger_changed", trigger=name)
        return None
    rows = connection.execute(
        text(
            "SELECT t.tgname, c.relname, t.tgenabled, p.proname, p.prosrc "
            "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)"
        )
    )
    triggers = {row.tgname: row for row in rows}
    for name, table in expected.items():
        row = triggers.get(name)
        if row is None:
            return problem_at(None, "journal.trigger_missing", trigger=name)
        refuses = "RAISE EXCEPTION" in str(row.prosrc).upper()
        if (
            row.relname != table
            or str(row.tgenabled) not in _PG_ENABLED
            or row.proname != PG_REFUSE_FUNCTION
            or not refuses
        ):
            return problem_at(None, "journal.trigger_changed", trigger=name)
    return None
