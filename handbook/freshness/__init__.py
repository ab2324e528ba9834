"""Translation freshness: which translated sections still say what the English says."""
