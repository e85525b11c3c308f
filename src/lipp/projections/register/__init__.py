"""The review register: one row per review, for boards' lists, overdue filters and counts per stage."""
