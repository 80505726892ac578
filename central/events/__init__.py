"""The change log every state change writes, and its live stream (Server-Sent Events)."""
