"""Reference data: centres, services, counters and the services each counter serves."""
