"""Bar charts drawn on the server as SVG: readable without JavaScript, styled by the site's CSS.

The template (includes/bar_chart.html) gives the chart a title and a text
description, a <title> per bar, and the same figures as a table for screen
readers and print. See docs/decisions/0007-charts-as-server-side-svg.md.
"""

from dataclasses import dataclass

WIDTH = 640
HEIGHT = 220
MARGIN_TOP = 16
MARGIN_BOTTOM = 28
MARGIN_SIDE = 36


@dataclass
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self) -> float:
        return self.x + self.width / 2


@dataclass
class BarChart:
    title: str
    description: str
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # (y, value)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = MARGIN_SIDE
    baseline: float = HEIGHT - MARGIN_BOTTOM

    @property
    def label_every(self) -> int:
        """Label every n-th bar so that labels do not overlap."""
        return max(1, len(self.bars) // 16 + (1 if len(self.bars) % 16 else 0))


def per_year_chart(counts: dict[int, int], title: str, description: str) -> BarChart | None:
    """A bar per year from the first to the last year with meetings, empty years included."""
    if not counts:
        return None
    years = range(min(counts), max(counts) + 1)
    highest = max(counts.values())
    plot_width = WIDTH - 2 * MARGIN_SIDE
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_width / len(years)
    bars = []
    for index, year in enumerate(years):
        value = counts.get(year, 0)
        height = plot_height * value / highest
        bars.append(
            Bar(
                label=str(year),
                value=value,
                x=round(MARGIN_SIDE + index * slot + slot * 0.15, 1),
                y=round(HEIGHT - MARGIN_BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
            )
        )
    step = nice_step(highest)
    ticks = [
        (round(HEIGHT - MARGIN_BOTTOM - plot_height * value / highest, 1), value)
        for value in range(0, highest + 1, step)
    ]
    return BarChart(title=title, description=description, bars=bars, ticks=ticks)


def nice_step(highest: int) -> int:
    """A round interval giving four or five gridlines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if highest / step <= 5:
            return step
    return max(1, highest // 5)
