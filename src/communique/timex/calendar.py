"""Small date arithmetic the standard library lacks (weeks, month ends, month shifts)."""
from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta


def parse_day(value) -> date | None:
    """An ISO day (or a longer ISO timestamp) → date; anything else → None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def week_start(d: date) -> date:
    """Monday of ``d``'s week (ISO weeks run Monday to Sunday)."""
    return d - timedelta(days=d.weekday())


def add_months(d: date, n: int) -> date:
    """Shift by whole months, clamping the day (31 March - 1 month = 28/29 February)."""
    total = d.year * 12 + (d.month - 1) + n
    year, month = divmod(total, 12)
    month += 1
    year = min(max(year, 1), 9999)
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved ``n`` units (day/week/month/year) forward (negative: back)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(days=7 * n)
    if unit == "month":
        return add_months(d, n)
    return add_months(d, 12 * n)
