"""The action tracker: one row per action of every board's plans, for tracking them and counting the facts."""
