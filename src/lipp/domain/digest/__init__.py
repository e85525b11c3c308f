"""Issued national theme digests."""
