"""Start Service Marathon: ``python main.py [check|demo] [options]``."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
