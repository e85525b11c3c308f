"""A review briefing's key as a reader outside the board sees it: board and year, never the sequence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lipp.learning.outsider_keys import key_prefix_of, outsider_key

boards = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=6)
years = st.integers(min_value=2000, max_value=2036)
sequences = st.integers(min_value=1, max_value=99_999)
secrets = st.binary(min_size=16, max_size=32)


@given(boards, years, sequences, secrets)
def test_the_shown_key_keeps_board_and_year_and_names_its_candidates(
    board: str, year: int, sequence: int, secret: bytes
) -> None:
    key = f"review-{board}-{year}-{sequence:03d}"
    shown = outsider_key(key, secret)
    assert shown.startswith(f"review-{board.lower()}-{year}-")
    assert key_prefix_of(shown) == f"review-{board.lower()}-{year}-"
    assert key_prefix_of(key.lower()) is None and shown != key.lower()
    assert outsider_key(key.lower(), secret) == shown  # keys are read in any letter case


@given(boards, years, st.lists(sequences, min_size=2, max_size=30, unique=True), secrets)
def test_no_two_briefings_of_a_board_and_year_are_shown_alike(
    board: str, year: int, numbers: list[int], secret: bytes
) -> None:
    shown = {outsider_key(f"review-{board}-{year}-{n:03d}", secret) for n in numbers}
    assert len(shown) == len(numbers)


@given(boards, years, sequences, secrets, secrets)
def test_the_digest_depends_on_the_secret(board: str, year: int, sequence: int, one: bytes, other: bytes) -> None:
    key = f"review-{board}-{year}-{sequence:03d}"
    assert (outsider_key(key, one) == outsider_key(key, other)) is (one == other)
