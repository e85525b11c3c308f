"""Commands: pydantic models that validate input at the edge, before any application sees it."""
