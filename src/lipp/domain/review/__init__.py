"""The Review aggregate: one per notified serious incident."""
