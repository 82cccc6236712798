"""Validate the bundled knowledge base (exit 1 on any problem); ``--stats`` prints its coverage too."""
import sys

from communique.kb.__main__ import main

if __name__ == "__main__":
    code = main(["validate"])
    if "--stats" in sys.argv[1:]:
        main(["stats"])
    sys.exit(code)
