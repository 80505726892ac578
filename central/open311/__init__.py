"""Open311 GeoReport v2: incident reports for the wider civic-tech ecosystem (JSON and XML)."""
