"""Test-wide fixtures: no test touches the user's real config or data folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point config and data folders at a temporary folder for every test."""
    config_dir = tmp_path / "config"
    data_dir = tmp_path / "data"
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    for variable in (
        "KIOSK_LINE_SECRET",
        "KIOSK_PSE_PRIVATE_KEY",
        "KIOSK_PSE_INTEGRITY_SECRET",
        "KIOSK_PSE_EVENTS_SECRET",
        "KIOSK_TOPUP_CLIENT_SECRET",
        "KIOSK_LINES_API_KEY",
    ):
        monkeypatch.delenv(variable, raising=False)
    return {"config": config_dir, "data": data_dir}
