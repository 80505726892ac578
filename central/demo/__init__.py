"""Demo data modelled on a Lisbon citizen-service centre, and an arrival simulator."""
