"""Balance of the labeled passages: by style, type, status, negatives share and split (for the data card).

usage: python training/stats.py [training/passages]
"""
import sys
from collections import Counter
from pathlib import Path

from communique.train.corpus import read_passages


def main(argv):
    root = Path(argv[0]) if argv else Path(__file__).parent / "passages"
    passages = list(read_passages([root], strict=True))
    styles, types, statuses, splits, writers = Counter(), Counter(), Counter(), Counter(), Counter()
    negatives = 0
    for p in passages:
        styles[p.style] += 1
        splits[p.split] += 1
        writers[p.id.split("-")[0]] += 1
        negatives += not p.events
        for e in p.events:
            types[e.type] += 1
            statuses[e.status] += 1
    print(f"passages {len(passages)}, hard negatives {negatives} ({negatives / max(1, len(passages)):.0%}), "
          f"events {sum(types.values())}")
    for name, counter in (("split", splits), ("writer", writers), ("style", styles), ("type", types),
                          ("status", statuses)):
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
