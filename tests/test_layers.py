"""The layer rule of ARCHITECTURE.md, checked by import-linter's contracts in pyproject.toml:
the core imports no Qt, controllers no QtWidgets/QtGui, nothing below ``ui`` imports ``ui``,
and the sandbox shares no code with the gateway clients."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    checker = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", checker],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def _imported_modules(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_controllers_use_qtcore_only() -> None:
    offenders = {}
    for path in sorted((ROOT / "kiosk" / "controllers").rglob("*.py")):
        qt = {
            name
            for name in _imported_modules(path)
            if name.startswith("PySide6.") and not name.startswith("PySide6.QtCore")
        }
        if qt:
            offenders[str(path.relative_to(ROOT))] = sorted(qt)
    assert offenders == {}
