"""Helpers shared by the test suites of every room (loopback servers and the like)."""
