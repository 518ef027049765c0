"""Pure text logic: sentences, claims, key facts, matching and verdicts (no I/O)."""
