"""The shared county store: publish a district's own rows to PostgreSQL, pull everyone else's.

No Qt and no window code here: the CLI (cli_county.py) and the window (ui/county_sync.py) both call
publish() and pull().
"""
