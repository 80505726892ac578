"""Balcão desktop: the counter attendant's workspace (PySide6)."""
