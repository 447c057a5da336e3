"""Scoring attrib against human-annotated attributions: gold files, matching, the report."""
