"""The lipp domain: aggregates, events, rules and reference data of the review loop.

Imports nothing but the standard library, `eventsourcing.domain` and `holidays`.
"""
