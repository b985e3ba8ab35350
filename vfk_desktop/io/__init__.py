"""Spreadsheets in and out: readers that build import plans, writers for the KA2 return."""
