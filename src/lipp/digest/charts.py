"""Charts as inline SVG, drawn from numbers alone: the same digest gives the same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#00798c", "#8d6a9f", "#c05746")
WIDTH = 720


def trend_lines(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]) -> str:
    """One line per series across the periods (shares as percentages), with a legend. A period with no data
    (None) has no point: the line breaks there rather than dropping to 0%."""
    height, left, right, top, bottom = 300, 48, 220, 16, 40
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = max((v for _, values in series for v in values if v is not None), default=0.0)
    ceiling = max(5.0, _nice(peak * 100))
    step_x = plot_w / max(1, len(labels) - 1)

    def x(i: int) -> float:
        return left + i * step_x if len(labels) > 1 else left + plot_w / 2

    def y(value: float) -> float:
        return top + plot_h - (value * 100 / ceiling) * plot_h

    parts = [_open(height, "Share of findings per period for the leading themes")]
    for tick in range(5):
        level = ceiling * tick / 4
        ty = top + plot_h - plot_h * tick / 4
        parts.append(f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">{level:.0f}%</text>')
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - 18}" text-anchor="middle" font-size="11">{escape(label)}</text>'
        )
    for n, (name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        for run in _runs(values):
            points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in run)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" points="{points}"/>')
        for i, v in enumerate(values):
            if v is not None:
                parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>')
        ly = top + 14 + n * 18
        parts.append(f'<rect x="{left + plot_w + 16}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{left + plot_w + 32}" y="{ly}" font-size="11">{escape(_short(name, 30))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def bars(items: Sequence[tuple[str, int]], caption: str, full_labels: bool = False) -> str:
    """Horizontal bars, one per item, labelled with its count. With `full_labels` a long name is wrapped onto
    two lines instead of cut (two names that start alike stay distinct)."""
    row, left, top = (34, 300, 8) if full_labels else (20, 300, 8)
    height = top * 2 + row * max(1, len(items))
    peak = max((count for _, count in items), default=0) or 1
    plot_w = WIDTH - left - 60
    parts = [_open(height, caption)]
    for i, (name, count) in enumerate(items):
        by = top + i * row
        width = plot_w * count / peak
        if full_labels:
            lines = _wrapped(name, 46)
            first = by + (14 if len(lines) == 1 else 8)
            spans = "".join(
                f'<tspan x="{left - 8}" y="{first + 13 * n}">{escape(line)}</tspan>' for n, line in enumerate(lines)
            )
            parts.append(f'<text text-anchor="end" font-size="11">{spans}</text>')
            parts.append(f'<rect x="{left}" y="{by + 6}" width="{width:.1f}" height="{row - 12}" fill="{PALETTE[0]}"/>')
            parts.append(f'<text x="{left + width + 6:.1f}" y="{by + 21}" font-size="12">{count}</text>')
            continue
        parts.append(
            f'<text x="{left - 8}" y="{by + 14}" text-anchor="end" font-size="12">{escape(_short(name, 44))}</text>'
        )
        parts.append(f'<rect x="{left}" y="{by + 3}" width="{width:.1f}" height="{row - 6}" fill="{PALETTE[0]}"/>')
        parts.append(f'<text x="{left + width + 6:.1f}" y="{by + 14}" font-size="12">{count}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The stretches of consecutive periods with data, each as (index, value) pairs."""
    runs: list[list[tuple[int, float]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((i, v))
    return [run for run in runs if run]


def _wrapped(text: str, width: int) -> list[str]:
    """The text on at most two lines of about `width` characters, broken between words."""
    if len(text) <= width:
        return [text]
    cut = text.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else width
    return [text[:cut], text[cut:].strip()]


def _open(height: int, caption: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(caption)}" font-family="sans-serif">'
    )


def _nice(percent: float) -> float:
    """The next multiple of 5 at or above `percent`."""
    return float(int((percent + 4.999) // 5) * 5)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
