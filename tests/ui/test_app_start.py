"""Starting the app with a data folder it cannot use says so plainly (no traceback)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.domain.errors import ConfigError
from ui.app import run_app


def test_a_data_folder_that_cannot_be_made_is_a_clear_message(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    config = dataclasses.replace(load_config(), data_dir=blocked / "kiosk")
    with pytest.raises(ConfigError) as refused:
        run_app(config)
    assert refused.value.code == "config.data_folder"
    assert refused.value.params["path"] == str(blocked / "kiosk")
