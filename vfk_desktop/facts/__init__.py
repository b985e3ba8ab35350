"""The facts layer: the only code that turns the store into what a page, a command, an export, a
chart or the Board pack shows. Every figure is worked out by `vfk_desktop.domain`; this package
gathers the facts once per database change and hands out prepared rows (`facts.records`), so every
face shows the same answer.

`records` holds the prepared rows and imports no store: writers and reports take them from here.
"""
