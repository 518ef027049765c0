"""The outside world: fetching coverage, extracting its text, reading inputs, finding copies."""
