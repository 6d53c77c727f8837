"""Stage 1: article input, language and sentence analysis."""
