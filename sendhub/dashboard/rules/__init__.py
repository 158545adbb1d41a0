"""The dashboard's arithmetic, as pure functions over plain data (no Django; import-linter enforces it):
benchmarks, board tables, live KPIs, cohort and trend forecasts, disproportionality, suppression."""
