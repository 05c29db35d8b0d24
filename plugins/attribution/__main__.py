"""Command line: python -m attribution extract|eval|debug|bench (see cli.py)."""

from .cli import main

raise SystemExit(main())
