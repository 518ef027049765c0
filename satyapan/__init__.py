"""Satyapan: shared errors and settings for every room of the pipeline."""

__version__ = "0.1.0"
