"""The only place that talks HTTP (requests) to the central service."""

from desktop.api.api_client import ApiClient

__all__ = ["ApiClient"]
