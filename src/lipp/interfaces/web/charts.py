"""Charts drawn on the server as SVG from numbers alone: no script, nothing inline the CSP refuses. Each chart
has a text label, and the page shows the same numbers in a table beside it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from lipp.projections.markers.entries import MarkerResult

WIDTH = 720
# GOV.UK colours: green, yellow, red, mid grey, each with enough contrast against white.
RATINGS = (("met", "Met", "#00703c"), ("partly_met", "Partly met", "#ffdd00"), ("not_met", "Not met", "#d4351c"))
NOT_APPLICABLE = ("not_applicable", "Not applicable", "#b1b4b6")


def marker_chart(results: Sequence[MarkerResult]) -> str:
    """One bar per marker, split by rating (each part's share of the reviews that rated it), with a legend; a
    marker whose counts are withheld from this reader (lipp.domain.disclosure) says so instead of a bar."""
    row, left, top, legend = 22, 70, 8, 30
    parts_of = (*RATINGS, NOT_APPLICABLE)
    plot_w = WIDTH - left - 20
    height = top * 2 + row * max(1, len(results)) + legend
    caption = (
        "Quality marker ratings: for each marker the share of reviews rating it met, partly met, not met or "
        "not applicable"
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-label="{escape(caption)}" font-family="sans-serif" focusable="false">'
    ]
    for i, result in enumerate(results):
        y = top + legend + i * row
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="12">Marker {result.marker}</text>'
        )
        x = float(left)
        counts = [getattr(result, field) for field, _, _ in parts_of]
        if not all(isinstance(n, int) for n in (*counts, result.assessed)):  # small numbers withheld: no bar
            parts.append(f'<text x="{x:.1f}" y="{y + 15}" font-size="12">Withheld: a count is fewer than 5</text>')
            continue
        total = result.assessed or 1
        for field, _, colour in parts_of:
            width = plot_w * getattr(result, field) / total
            if width:
                parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{row - 6}" fill="{colour}"/>')
            x += width
    x = float(left)
    for _, name, colour in parts_of:
        parts.append(f'<rect x="{x:.1f}" y="{top}" width="12" height="12" fill="{colour}" stroke="#0b0c0c"/>')
        parts.append(f'<text x="{x + 18:.1f}" y="{top + 11}" font-size="12">{escape(name)}</text>')
        x += 130
    parts.append("</svg>")
    return "\n".join(parts)
