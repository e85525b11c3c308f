"""The HTTP API: FastAPI routes that turn requests into commands and results into DTOs."""
