"""Values ready to show for the dashboard pages: benchmarks and boards (`benchmarks`) and the forecast
(`forecast`), their names importable from here; the live casework pages (`live`), the public dashboard
(`public`), SVG charts (`charts`) and the board downloads (`exports`)."""

from sendhub.dashboard.presenters.benchmarks import (
    DEFAULT_INDICATOR,
    MAX_COMPARATORS,
    BenchmarkPage,
    benchmark_page,
    benchmark_sheets,
    board_table,
    board_tables,
)
from sendhub.dashboard.presenters.forecast import (
    FORECAST_SERIES,
    ForecastPage,
    forecast_page,
    forecast_sheets,
)

__all__ = [
    "DEFAULT_INDICATOR",
    "FORECAST_SERIES",
    "MAX_COMPARATORS",
    "BenchmarkPage",
    "ForecastPage",
    "benchmark_page",
    "benchmark_sheets",
    "board_table",
    "board_tables",
    "forecast_page",
    "forecast_sheets",
]
