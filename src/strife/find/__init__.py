"""Stage 2: find event mentions (triggers) cheaply, before any parsing."""
