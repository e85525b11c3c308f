"""How long a page of a list may be: its own module so the CLI's options can say so without loading SQLAlchemy."""

from __future__ import annotations

DEFAULT_LIMIT = 500
"""Items per page when none is asked for, in the CLI and the API."""
MAX_LIMIT = 1_000
"""The most items one page may hold: a bigger list is paged."""
