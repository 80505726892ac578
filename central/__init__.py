"""Balcão central service: the queue, reference data and live events shared by every counter."""
