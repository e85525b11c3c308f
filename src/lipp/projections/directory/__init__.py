"""The directory: what lists show (boards, users, teams, national bodies, tokens, briefings, digests, Alliance
actions, the lead-reviewer register), one row per aggregate, so a list costs what it shows, not the history."""
