"""The only place that talks HTTP (requests) to the central service."""
