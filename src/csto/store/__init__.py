"""The database: which one, its tables, its Alembic migrations, and stored simulation runs.

SQLite by default, PostgreSQL by URL. It may import ``csto.errors`` only; what is stored in
it (scenarios, runs) is written and read by the packages that know those values.
"""
