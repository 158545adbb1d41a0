"""Reads for family voice: each takes the viewer and, where time matters, `today`."""
