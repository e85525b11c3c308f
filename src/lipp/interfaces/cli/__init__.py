"""The lipp command line."""
