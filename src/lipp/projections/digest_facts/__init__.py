"""Digest facts: immutable rows tagged with the notification that produced them, read "as of" a log position."""
