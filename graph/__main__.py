"""`python -m graph` runs the stancegraph command line."""

from graph.cli import main

raise SystemExit(main())
