"""The knowledge base: articles for the counters, their versions, delta sync and suggestions."""
