"""The findings library: one row per finding across every review, searchable by text, theme and more."""
