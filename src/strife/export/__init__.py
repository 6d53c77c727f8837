"""Output formats: JSON Lines (full reports), ACLED's 31-column CSV, and a terminal table.

Each writer is its own module so that ``strife extract --format jsonl`` does not import Rich
and the CSV export does not import the table code.
"""
