"""Staff accounts, login, tokens and role checks."""
