"""Scenario fixtures: a story that walks reviews on each back end."""

from __future__ import annotations

import pytest

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock
from tests.conftest import People
from tests.scenario.story import Story


@pytest.fixture
def story(lipp: Lipp, people: People, clock: SettableClock) -> Story:
    return Story(lipp, people, clock)
