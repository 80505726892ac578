"""The shared queue: tickets, their transitions, counters' live state and the call-next policy."""
