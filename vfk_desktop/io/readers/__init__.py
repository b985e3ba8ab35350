"""Readers: open a file, find its layout, parse its values, and plan the import."""
