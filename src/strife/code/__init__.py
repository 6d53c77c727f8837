"""Stage 3: code mentions into ACLED fields (dates, actors, places, fatalities, types)."""
