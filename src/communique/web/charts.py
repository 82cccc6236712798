"""Events over time as a stacked bar chart, laid out on the server for inline SVG.

No JavaScript or chart library: the page draws rectangles whose geometry is
computed here, and the same numbers are shown as a table and offered as CSV,
so a reader can check every bar.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from communique.model import STATUSES

WIDTH, HEIGHT = 720, 200
LEFT, BOTTOM, TOP = 34, 28, 10
MAX_FILLED = 400            # gaps are filled with empty buckets up to this many


@dataclass
class Bar:
    label: str
    x: float
    width: float
    total: int
    segments: list[tuple[str, int, float, float]] = field(default_factory=list)   # status, n, y, height


@dataclass
class Chart:
    interval: str
    bars: list[Bar]
    peak: int
    ticks: list[tuple[int, float]]
    width: int = WIDTH
    height: int = HEIGHT
    statuses: tuple[str, ...] = STATUSES

    @property
    def total(self) -> int:
        return sum(b.total for b in self.bars)

    def table(self) -> list[dict]:
        """One row per bucket: the numbers behind the bars."""
        return [{"period": b.label, **{s: n for s, n, _, _ in b.segments}, "total": b.total} for b in self.bars]

    def label_every(self) -> int:
        return max(1, len(self.bars) // 12 + (1 if len(self.bars) % 12 else 0))


def _next_label(label: str, interval: str) -> str | None:
    try:
        if interval == "year":
            return str(int(label) + 1)
        if interval == "month":
            y, m = int(label[:4]), int(label[5:7])
            return f"{y + (m == 12)}-{(m % 12) + 1:02d}"
    except ValueError:
        return None
    return None


def _filled(labels: list[str], interval: str) -> list[str]:
    """Every bucket from the first to the last, so empty years and months show as gaps."""
    if interval not in ("year", "month") or len(labels) < 2:
        return labels
    out = [labels[0]]
    while out[-1] < labels[-1] and len(out) < MAX_FILLED:
        nxt = _next_label(out[-1], interval)
        if nxt is None:
            return labels
        out.append(nxt)
    return sorted(set(out) | set(labels))


def build(rows: list[tuple[str, str, int]], interval: str = "year") -> Chart:
    """Lay out ``(bucket, status, n)`` rows as stacked bars, statuses in their fixed order."""
    counts: dict[str, dict[str, int]] = {}
    for label, status, n in rows:
        counts.setdefault(label, {})[status] = counts.get(label, {}).get(status, 0) + int(n)
    labels = _filled(sorted(counts), interval)
    totals = {k: sum(counts.get(k, {}).values()) for k in labels}
    peak = max(totals.values(), default=0)
    plot_w, plot_h = WIDTH - LEFT - 6, HEIGHT - BOTTOM - TOP
    step = plot_w / max(1, len(labels))
    bar_w = max(1.0, step * 0.78)
    bars = []
    for i, label in enumerate(labels):
        bar = Bar(label, round(LEFT + i * step + (step - bar_w) / 2, 2), round(bar_w, 2), totals[label])
        y = TOP + plot_h
        for status in STATUSES:
            n = counts.get(label, {}).get(status, 0)
            h = plot_h * n / peak if peak else 0
            y -= h
            bar.segments.append((status, n, round(y, 2), round(h, 2)))
        bars.append(bar)
    ticks = []
    if peak:
        for v in sorted({0, (peak + 1) // 2, peak}):
            ticks.append((v, round(TOP + plot_h - plot_h * v / peak, 2)))
    return Chart(interval, bars, peak, ticks)

