"""Runs service calls off the GUI thread and delivers results back on it (issue 3)."""
