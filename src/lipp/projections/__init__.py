"""Read models: SQL tables that only projections write, kept exactly once from the shared notification log."""
