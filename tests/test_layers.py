"""The layer rule of ARCHITECTURE.md, checked by import-linter's contracts in pyproject.toml:
ui -> controllers -> services -> gateways | journal | printing -> domain, ui imports only the
controllers and the domain, the core imports no Qt, controllers no QtWidgets/QtGui, nothing
below ``ui`` imports ``ui``, and the sandbox shares no code with the gateway clients."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = "Layers: ui -> controllers -> services -> gateways|journal|printing -> domain"
UI_IMPORTS = "ui imports only kiosk.controllers and kiosk.domain"
NO_QT = "Core (domain, services, gateways, journal, printing, sandbox, config): no Qt"


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    checker = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"
    )
    return subprocess.run(
        [sys.executable, "-c", checker],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    for contract in (LAYERS, UI_IMPORTS, NO_QT):
        assert f"{contract} KEPT" in result.stdout


def test_the_contracts_catch_a_deliberate_violation(tmp_path: Path) -> None:
    """A copy of the tree where the domain reaches up to the services and into Qt, and a
    screen talks to the journal: each contract that must break does."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in ("kiosk", "ui"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "kiosk" / "domain" / "_upwards.py").write_text(
        "import kiosk.services.sales\nimport PySide6.QtCore\n", encoding="utf-8"
    )
    (tmp_path / "ui" / "_sideways.py").write_text("import kiosk.journal\n", encoding="utf-8")

    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    for contract in (LAYERS, UI_IMPORTS, NO_QT):
        assert f"{contract} BROKEN" in result.stdout, result.stdout[-4000:]
    assert "kiosk.domain._upwards -> kiosk.services.sales" in result.stdout
    assert "ui._sideways -> kiosk.journal" in result.stdout


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
