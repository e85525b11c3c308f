"""The names of the tables a complete store holds beside the events: every projection's, the tracking table and
the outbox. Derived from the projections' own table definitions and written here (by `python -m
tests.projections.test_table_names`) so that checking a store at start-up need not import every projection;
tests/projections/test_table_names.py fails when a projection's tables and this list differ.
"""

from __future__ import annotations

TABLES: frozenset[str] = frozenset(
    {
        "digest_action_versions",
        "digest_delivery_versions",
        "digest_finding_versions",
        "digest_marker_facts",
        "digest_review_facts",
        "digest_reviews",
        "directory_actions",
        "directory_boards",
        "directory_briefings",
        "directory_digests",
        "directory_national_bodies",
        "directory_reviewers",
        "directory_teams",
        "directory_tokens",
        "directory_users",
        "learning_deliveries",
        "library_finding_themes",
        "library_findings",
        "library_reviews",
        "lipp_outbox",
        "marker_monthly",
        "marker_ratings",
        "marker_reviews",
        "plan_actions",
        "projection_tracking",
        "review_register",
    }
)
