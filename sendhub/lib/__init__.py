"""Plain-Python helpers shared by every app (no Django imports)."""
