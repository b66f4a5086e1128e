"""Provides the small inline SVG charts of the HTML history: one per party (its duties,
obligations, prohibitions, permissions and guarantees, version by version) and one of
one-sidedness. Numbers and escaped names only; no script, nothing loaded."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from draftdiff.history.trend import Balance, PartyTrend
from draftdiff.render.history_view import TREND_KINDS

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 300, 140, 38, 14, 10, 22
SERIES_CLASS = {kind: f"s-{kind}" for kind in TREND_KINDS}


def party_chart(trend: PartyTrend, labels: Sequence[str], top: int) -> Markup:
    """Lines of the party's counts per kind; `top` is the y-axis maximum (the same for
    every party, so their charts compare at a glance)."""
    top = max(top, 1)
    lines = []
    for kind in TREND_KINDS:
        values = trend.series(kind)
        lines.append(_polyline(values, top, SERIES_CLASS[kind], f"{trend.party}: {kind}"))
    title = f"{trend.party}: provisions per kind, {labels[0]} to {labels[-1]}"
    return _frame(title, labels, [str(top), "0"], "".join(lines))


def balance_chart(points: Sequence[Balance], labels: Sequence[str]) -> Markup:
    """One-sidedness per version, from 50% (balanced for two parties) to 100%."""
    values = [None if b.one_sidedness is None else b.one_sidedness for b in points]
    xs = _xs(len(values))
    coords = []
    dots = []
    for x, value, b in zip(xs, values, points, strict=True):
        if value is None:
            continue
        y = _y((value - 0.5) * 2, 1.0)
        coords.append(f"{x:.1f},{y:.1f}")
        tip = f"{b.heaviest} bears {round(100 * value)}% of duties"
        dots.append(
            f'<circle class="s-balance" cx="{x:.1f}" cy="{y:.1f}" r="3">'
            f"<title>{escape(tip)}</title></circle>"
        )
    body = f'<polyline class="s-balance" points="{" ".join(coords)}"/>' + "".join(dots)
    return _frame("one-sidedness per version", labels, ["100%", "50%"], body)


def _frame(title: str, labels: Sequence[str], ticks: Sequence[str], body: str) -> Markup:
    xs = _xs(len(labels))
    axis = [
        f'<line class="axis" x1="{PAD_LEFT}" y1="{HEIGHT - PAD_BOTTOM}" x2="{WIDTH - PAD_RIGHT}" '
        f'y2="{HEIGHT - PAD_BOTTOM}"/>',
        f'<text class="tick" x="{PAD_LEFT - 4}" y="{PAD_TOP + 4}" text-anchor="end">'
        f"{escape(ticks[0])}</text>",
        f'<text class="tick" x="{PAD_LEFT - 4}" y="{HEIGHT - PAD_BOTTOM}" text-anchor="end">'
        f"{escape(ticks[1])}</text>",
    ]
    for x, label in zip(xs, labels, strict=True):
        axis.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(axis)
        + body
        + "</svg>"
    )


def _polyline(values: Sequence[int], top: int, css: str, name: str) -> str:
    points = " ".join(
        f"{x:.1f},{_y(v, top):.1f}" for x, v in zip(_xs(len(values)), values, strict=True)
    )
    tip = escape(f"{name}: " + " → ".join(str(v) for v in values))
    return f'<polyline class="{css}" points="{points}"><title>{tip}</title></polyline>'


def _xs(count: int) -> list[float]:
    span = WIDTH - PAD_LEFT - PAD_RIGHT
    if count == 1:
        return [PAD_LEFT + span / 2]
    return [PAD_LEFT + span * k / (count - 1) for k in range(count)]


def _y(value: float, top: float) -> float:
    span = HEIGHT - PAD_TOP - PAD_BOTTOM
    return HEIGHT - PAD_BOTTOM - span * (value / top)
