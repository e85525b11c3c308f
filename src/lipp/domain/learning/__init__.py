"""Pushing learning to teams: briefings in the seven-minute shape, and one delivery per (briefing, team)."""
