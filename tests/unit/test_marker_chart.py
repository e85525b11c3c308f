"""The marker results chart draws a bar for each marker whose counts the reader may see, and says so where a
count is withheld (a small number would identify a review): it never fails on a withheld count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lipp.interfaces.web.charts import marker_chart
from lipp.projections.markers.entries import MarkerResult

counts = st.one_of(st.integers(min_value=0, max_value=300), st.sampled_from(["fewer than 5", "suppressed"]))
results = st.lists(
    st.builds(
        MarkerResult,
        marker=st.integers(1, 18),
        title=st.just("A marker"),
        met=counts,
        partly_met=counts,
        not_met=counts,
        not_applicable=counts,
    ),
    max_size=18,
)


@given(results)
def test_each_marker_is_a_bar_or_says_its_counts_are_withheld(found: list[MarkerResult]) -> None:
    svg = marker_chart(found)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    withheld = [
        r
        for r in found
        if not all(isinstance(getattr(r, f), int) for f in ("met", "partly_met", "not_met", "not_applicable"))
    ]
    assert svg.count("Withheld: a count is fewer than 5") == len(withheld)
    assert "fewer than 5</text>" not in svg.replace("Withheld: a count is fewer than 5</text>", "")
