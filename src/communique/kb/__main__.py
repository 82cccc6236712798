"""``python -m communique.kb validate|stats``: check the bundled knowledge base or print its coverage."""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "validate"
    if cmd == "stats":
        from communique.kb.stats import format_stats, stats

        print(format_stats(stats()))
        return 0
    if cmd == "validate":
        from communique.kb.validate import validate

        count, problems = validate()
        for p in problems:
            print(p)
        print(f"{count} people rows checked, {len(problems)} problems")
        return 1 if problems else 0
    print("usage: python -m communique.kb validate|stats", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
