"""Command line: python -m archive_quotes extract|eval|debug|bench (see cli.py)."""

from .cli import main

raise SystemExit(main())
