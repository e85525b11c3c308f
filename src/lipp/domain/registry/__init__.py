"""Registry entities: boards and users with their roles."""
