"""Tests of strife.geo (a package so its conftest does not clash with other test folders)."""
