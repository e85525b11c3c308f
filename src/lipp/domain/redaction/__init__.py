"""The redaction check: finding identifying details in free text before it travels beyond the board."""
