"""Server-side SVG charts: no JavaScript, readable in a PDF, each paired with a data table.

See docs/adr/0001-own-svg-charts.md for why this is not a charting library.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .domain.progress import IndicatorFacts

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 16, 72
INK = "#1a1a1a"
COLOURS = {"area": "#0b4f8a", "netherlands": "#6b2c91", "city": "#8a4b00", "path": "#595959"}


@dataclass(frozen=True)
class Scale:
    start: date
    end: date
    low: Decimal
    high: Decimal

    def x(self, on: date) -> float:
        span = max((self.end - self.start).days, 1)
        return LEFT + (WIDTH - LEFT - RIGHT) * (on - self.start).days / span

    def y(self, value: Decimal) -> float:
        span = self.high - self.low or Decimal(1)
        return TOP + (HEIGHT - TOP - BOTTOM) * float((self.high - value) / span)


def _scale(facts: IndicatorFacts, horizon_dates: list[date]) -> Scale | None:
    values = [m.value for m in facts.measurements] + [t.value for t in facts.targets]
    values += [v for v in (facts.netherlands, facts.city) if v is not None]
    dates = [m.on for m in facts.measurements] + horizon_dates
    if facts.baseline:
        values.append(facts.baseline.value)
        dates.append(facts.baseline.on)
    if not values or not dates:
        return None
    low, high = min(values), max(values)
    pad = (high - low) * Decimal("0.15") or abs(high) * Decimal("0.1") or Decimal(1)
    return Scale(min(dates), max(dates), low - pad, high + pad)


def _line(x1, y1, x2, y2, colour, dash="", width=2):
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}"{dash_attr}/>'
    )


def _text(x, y, content, anchor="start", colour=INK):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{colour}">'
        f"{escape(content)}</text>"
    )


def indicator_chart(
    facts: IndicatorFacts, horizon_dates: list[date], fmt, title: str, description: str
) -> SafeString | None:
    """The whole path of one indicator: baseline, measurements, references and targets.

    `fmt` formats a value in the indicator's unit. Returns None when there is nothing to draw.
    """
    scale = _scale(facts, horizon_dates)
    if scale is None:
        return None
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
        _line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, INK, width=1),
        _line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, INK, width=1),
    ]
    for value in (scale.low, scale.high):
        parts.append(_text(LEFT - 6, scale.y(value) + 4, fmt(value), anchor="end"))
    for year in sorted({d.year for d in horizon_dates} | {scale.start.year}):
        x = scale.x(date(year, 1, 1) if year != scale.start.year else scale.start)
        parts.append(_text(x, HEIGHT - BOTTOM + 16, str(year), anchor="middle"))

    legend = []
    for key, value, dash, label in (
        ("netherlands", facts.netherlands, "6 4", "Nederland"),
        ("city", facts.city, "2 3", "stad"),
    ):
        if value is not None:
            y = scale.y(value)
            parts.append(_line(LEFT, y, WIDTH - RIGHT, y, COLOURS[key], dash))
            legend.append((COLOURS[key], dash, f"{label}: {fmt(value)}"))

    if facts.baseline:
        # The straight path to each target: the line progress is judged against.
        start_on, start_value = facts.baseline.on, facts.baseline.value
        for target in sorted(facts.targets, key=lambda t: t.due_on):
            parts.append(
                _line(
                    scale.x(start_on),
                    scale.y(start_value),
                    scale.x(target.due_on),
                    scale.y(target.value),
                    COLOURS["path"],
                    "1 4",
                    width=1,
                )
            )
            start_on, start_value = target.due_on, target.value
    for target in facts.targets:
        x, y = scale.x(target.due_on), scale.y(target.value)
        fill = COLOURS["area"] if target.agreed else "#ffffff"
        parts.append(
            f'<path d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y:.1f} L{x:.1f} {y + 7:.1f} '
            f'L{x - 7:.1f} {y:.1f} Z" fill="{fill}" stroke="{COLOURS["area"]}" stroke-width="2"/>'
        )

    points = sorted(facts.measurements, key=lambda m: m.on)
    if facts.baseline:
        points = [facts.baseline, *points]
    if len(points) > 1:
        coords = " ".join(f"{scale.x(p.on):.1f},{scale.y(p.value):.1f}" for p in points)
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{COLOURS["area"]}" stroke-width="3"/>'
        )
    for p in points:
        parts.append(
            f'<circle cx="{scale.x(p.on):.1f}" cy="{scale.y(p.value):.1f}" r="4" '
            f'fill="{COLOURS["area"]}"/>'
        )
    legend.insert(0, (COLOURS["area"], "", "wijk: nulmeting en metingen"))
    legend.append((COLOURS["area"], "", "◆ streefwaarde (open: voorstel)"))

    for i, (colour, dash, label) in enumerate(legend):
        x = LEFT + (i % 2) * 280
        y = HEIGHT - BOTTOM + 34 + (i // 2) * 18
        parts.append(_line(x, y - 4, x + 24, y - 4, colour, dash, width=3))
        parts.append(_text(x + 30, y, label))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above went through escape()


def sparkline(facts: IndicatorFacts, label: str) -> SafeString | None:
    points = sorted(facts.measurements, key=lambda m: m.on)
    if facts.baseline:
        points = [facts.baseline, *points]
    if len(points) < 2:
        return None
    w, h, pad = 120, 32, 4
    low = min(p.value for p in points)
    high = max(p.value for p in points)
    span_v = high - low or Decimal(1)
    start, end = points[0].on, points[-1].on
    span_d = max((end - start).days, 1)
    coords = " ".join(
        f"{pad + (w - 2 * pad) * (p.on - start).days / span_d:.1f},"
        f"{pad + (h - 2 * pad) * float((high - p.value) / span_v):.1f}"
        for p in points
    )
    return mark_safe(  # noqa: S308 - label is escaped, the rest are numbers
        f'<svg class="sparkline" viewBox="0 0 {w} {h}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg"><polyline points="{coords}" fill="none" '
        f'stroke="{COLOURS["area"]}" stroke-width="2"/></svg>'
    )
