"""Merging reports of the same event across articles and languages (DESIGN.md §5)."""
