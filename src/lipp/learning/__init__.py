"""Briefing documents and signed links: pure computation and rendering, unit-tested without a store."""
