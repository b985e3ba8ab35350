"""The SQLite store: connection, schema migrations, reference data, queries and imports."""
