"""The database format this code reads and writes (PRAGMA user_version = number of migrations)."""

SCHEMA_VERSION = 6
