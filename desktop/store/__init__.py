"""The counter PC's local SQLite store (SQLAlchemy): cache, drafts and the outbox."""
