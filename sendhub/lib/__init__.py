"""Plain-Python helpers with no Django imports (checked by import-linter)."""
