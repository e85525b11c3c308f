"""Whatever text a reviewer writes, the redaction check reports spans the CLI can show and the event can keep."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lipp.domain.redaction.checker import check_text
from lipp.domain.redaction.nhs import is_valid_nhs_number

pytestmark = pytest.mark.usefixtures("redaction_check_loaded")

WORDS = st.sampled_from(
    ["Sarah", "Will", "May", "the", "school", "Oakfield", "Primary", "School", "14", "Acacia", "Avenue", "NE6", "2RT",
     "born", "on", "3", "March", "2021", "07700", "900461", "999", "000", "1375", "a.b@example.org", "Mr", "Okafor",
     ".", ",", "Child", "K", "police"]
)  # fmt: skip


@given(st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=200))
def test_hits_are_in_order_within_the_text_and_never_overlap(text: str) -> None:
    hits = check_text(text)
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
    for earlier, later in pairwise(hits):
        assert earlier.end <= later.start


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nine_digits_have_at_most_one_check_digit_that_makes_an_nhs_number(nine: str) -> None:
    valid = [d for d in "0123456789" if is_valid_nhs_number(nine + d)]
    assert len(valid) <= 1
