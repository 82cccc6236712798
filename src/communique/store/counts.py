"""Capped totals: list views count matches up to a cap, since an exact count over a million rows is slow."""

#: Totals are counted up to this; past it a view says "10,000+".
COUNT_CAP = 10_000


def count_label(total) -> str:
    """A total as lists show it: "10,000+" when counting stopped at the cap, "" when not counted."""
    if total is None:
        return ""
    return f"{COUNT_CAP:,}+" if total > COUNT_CAP else str(total)
