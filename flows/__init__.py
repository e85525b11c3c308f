"""Prefect flows: thin orchestration over the lipp package (deployments point here)."""
