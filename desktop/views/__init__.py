"""PySide6 widgets, item models and dialogs; they reach services only through tasks.TaskRunner."""
