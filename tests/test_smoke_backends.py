"""The registry works on each back end (the rest of the suite builds on these fixtures)."""

from lipp.bootstrap import Lipp
from tests.conftest import People


def test_registered_boards_are_listed_by_code(lipp: Lipp, people: People) -> None:
    assert [board.code for board in lipp.registry.boards()] == ["EMR", "NVL"]
