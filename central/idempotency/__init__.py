"""Idempotency keys: a retried command gets the first answer instead of acting twice."""
