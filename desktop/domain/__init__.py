"""Frozen dataclasses, enums and pure rules of the desktop; imports nothing of Qt or I/O."""
