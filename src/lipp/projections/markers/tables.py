"""Marker results' tables: each review's board, and its latest rating of each marker."""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, MetaData, String, Table, Uuid

marker_metadata = MetaData()

marker_reviews = Table(
    "marker_reviews",
    marker_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("board_id", Uuid, nullable=False),
    Column("board_code", String(16), nullable=False),
)

marker_ratings = Table(
    "marker_ratings",
    marker_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("marker", Integer, primary_key=True),
    Column("board_id", Uuid, nullable=False),
    Column("board_code", String(16), nullable=False),
    Column("rating", String(16), nullable=False),
    Column("assessed_on", Date, nullable=False),
    Column("times_assessed", Integer, nullable=False),
    Index("marker_ratings_by_board", "board_code", "assessed_on"),
    Index("marker_ratings_by_date", "assessed_on"),
    Index("marker_ratings_counted", "marker", "rating", "assessed_on", "board_code"),
)
"""One row per (review, marker): the rating in force and the business date it was last given. The last index
covers the national count, so counting every board reads the index alone."""

marker_monthly = Table(
    "marker_monthly",
    marker_metadata,
    Column("marker", Integer, primary_key=True),
    Column("rating", String(16), primary_key=True),
    Column("month", Integer, primary_key=True),
    Column("reviews", Integer, nullable=False),
)
"""National counts of the ratings in force per marker, rating and calendar month they were given in (`month` is
yyyymm), kept by the projection beside `marker_ratings`: counting every board reads a few thousand rows of this
table instead of every rating."""
