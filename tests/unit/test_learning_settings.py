"""The learning loop's settings: deadlines from the environment, and the link key kept in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from lipp.config import Settings


def test_deadlines_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LIPP_LEARNING__ACKNOWLEDGE_WORKING_DAYS", "3")
    monkeypatch.setenv("LIPP_LEARNING__CHASE_GRACE_WORKING_DAYS", "2")
    timescales = Settings(data_dir=tmp_path).learning.to_domain()
    assert (timescales.acknowledge_working_days, timescales.chase_grace_working_days) == (3, 2)
    assert timescales.discuss_working_days == 20


def test_a_deadline_of_zero_days_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LIPP_LEARNING__ACKNOWLEDGE_WORKING_DAYS", "0")
    with pytest.raises(ValidationError, match="acknowledge_working_days"):
        Settings(data_dir=tmp_path)


def test_the_link_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path).link_key()
    assert Settings(data_dir=tmp_path).link_key() == first
    assert len(first) == 64
    assert (tmp_path / "link-key").stat().st_mode & 0o077 == 0, "only its owner may read the key"
    assert Settings(data_dir=tmp_path, learning={"link_key": "configured"}).link_key() == b"configured"
