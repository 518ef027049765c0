"""Prefect orchestration: thin flows and tasks over the claims, sources and db rooms."""
