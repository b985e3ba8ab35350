"""The Board pack: gathered from the core (pack), written as rich text (html), laid out on pages and
printed or saved as PDF (printing)."""
