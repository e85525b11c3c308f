"""The lead-reviewer register (the LiPP masterclasses): expertise, masterclasses and declared conflicts."""
