"""Deliveries as rows: where each (briefing, team) stands, for listing, chasing and the loop metrics."""
