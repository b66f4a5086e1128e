"""Provides the views of a Comparison: text, JSON (and HTML, Markdown with their issues).

Every view reads one Comparison and derives nothing of its own."""
