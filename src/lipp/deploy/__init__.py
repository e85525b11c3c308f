"""Helpers of the production stack (deploy/): its databases, and its flows registered with Prefect."""
