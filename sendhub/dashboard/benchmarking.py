"""Benchmarks for every indicator, local authority and period, computed at once with polars.

For each (indicator, LA, period): the value, England, the statistical-neighbour average and count, the
rank among all LAs, the quartile band, the LA's place among its neighbours and the change since the
previous period. The methods follow DfE's Local Authority Interactive Tool (LAIT,
dfe-analytical-services/local-authority-interactive-tool, ``R/fn_helper_functions.R``):

* **SN average**: the mean of the neighbours that have a value; ``sn_count`` says how many did.
* **Rank**: among all LAs with a value that period, best first by polarity (``High``: largest is 1st,
  ``Low``: smallest is 1st); ties share the better rank (R ``rank(ties.method = "min")``). ``rank_of`` is the
  number of LAs with a value. No rank when the indicator has no polarity.
* **Quartile band**: R's default ``quantile()`` (type 7, linear interpolation) over all LA values that
  period. Low polarity: value ≤ Q1 → A, ≤ Q2 → B, ≤ Q3 → C, else D; High polarity is the mirror image
  (≤ Q1 → D … > Q3 → A). A is always best. No band without a polarity or where LAIT marks the
  indicator ``No_Quartile = N``.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from .national.catalogue import Indicator

PERIOD = ["indicator", "time_period"]

RESULT_COLUMNS = [
    "indicator", "time_period", "year", "la_code", "la_name", "value", "marker", "numerator", "denominator",
    "england", "sn_average", "sn_count", "sn_rank", "sn_rank_of", "rank", "rank_of", "q1", "q2", "q3",
    "quartile", "previous_time_period", "previous_value", "change", "polarity",
]  # fmt: skip


def indicator_frame(indicators: Mapping[str, Indicator]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "indicator": list(indicators),
            "polarity": [i.polarity for i in indicators.values()],
            "banded": [i.quartiles and i.has_direction for i in indicators.values()],
        },
        schema={"indicator": pl.String, "polarity": pl.String, "banded": pl.Boolean},
    )


def _quartile_band() -> pl.Expr:
    v, q1, q2, q3 = pl.col("value"), pl.col("q1"), pl.col("q2"), pl.col("q3")
    low = pl.when(v <= q1).then(pl.lit("A")).when(v <= q2).then(pl.lit("B")).when(v <= q3).then(pl.lit("C"))
    high = pl.when(v <= q1).then(pl.lit("D")).when(v <= q2).then(pl.lit("C")).when(v <= q3).then(pl.lit("B"))
    return (
        pl.when(~pl.col("banded") | v.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(pl.col("polarity") == "Low")
        .then(low.otherwise(pl.lit("D")))
        .otherwise(high.otherwise(pl.lit("A")))
    )


def compute_benchmarks(
    observations: pl.DataFrame | pl.LazyFrame,
    neighbours: pl.DataFrame | pl.LazyFrame,
    indicators: Mapping[str, Indicator],
) -> pl.DataFrame:
    """All benchmarks for every LA row in `observations` (columns of ``readers.OBSERVATION_SCHEMA``)."""
    return benchmark_plan(observations, neighbours, indicators).collect()


def benchmark_plan(
    observations: pl.DataFrame | pl.LazyFrame,
    neighbours: pl.DataFrame | pl.LazyFrame,
    indicators: Mapping[str, Indicator],
) -> pl.LazyFrame:
    """The lazy query behind `compute_benchmarks`. All benchmarks for every LA row in `observations` (columns of ``readers.OBSERVATION_SCHEMA``).

    Polarity becomes a sign (+1 High, -1 Low), so "better" is always "larger `score`": one rank window,
    one group-by for the quartiles, and one vectorised comparison for the neighbour ranks.
    """
    # Categorical keys make the many joins below cheap; they are strings again in the result.
    keys = ["indicator", "time_period", "area_code"]
    obs = observations.lazy().with_columns([pl.col(k).cast(pl.Categorical) for k in keys])
    meta = (
        indicator_frame(indicators)
        .lazy()
        .with_columns(
            pl.col("indicator").cast(pl.Categorical),
            pl.when(pl.col("polarity") == "High")
            .then(1.0)
            .when(pl.col("polarity") == "Low")
            .then(-1.0)
            .alias("sign"),
        )
    )
    la = (
        obs.filter(pl.col("level") == "la")
        .rename({"area_code": "la_code", "area_name": "la_name"})
        .join(meta, on="indicator", how="inner")
        .with_columns((pl.col("value") * pl.col("sign")).alias("score"))
    )
    england = obs.filter(pl.col("level") == "england").select(*PERIOD, pl.col("value").alias("england"))
    v = pl.col("value")
    spread = la.group_by(PERIOD).agg(
        v.count().cast(pl.Int32).alias("rank_of"),
        v.quantile(0.25, "linear").alias("q1"),
        v.quantile(0.50, "linear").alias("q2"),
        v.quantile(0.75, "linear").alias("q3"),
    )
    sn = _neighbour_stats(la.select(*PERIOD, "la_code", "value", "score").collect(), neighbours)
    periods = (
        la.select("indicator", "time_period", "year")
        .unique()
        .sort("indicator", "year")
        .with_columns(pl.col("time_period").shift(1).over("indicator").alias("previous_time_period"))
    )
    previous = la.select(
        "indicator",
        pl.col("time_period").alias("previous_time_period"),
        "la_code",
        pl.col("value").alias("previous_value"),
    )
    result = (
        la.with_columns((-pl.col("score")).rank("min").over(PERIOD).cast(pl.Int32).alias("rank"))
        .join(spread, on=PERIOD, how="left")
        .with_columns(_quartile_band().alias("quartile"))
        .join(england, on=PERIOD, how="left")
        .join(sn.lazy(), on=[*PERIOD, "la_code"], how="left")
        .join(periods.select(*PERIOD, "previous_time_period"), on=PERIOD, how="left")
        .join(previous, on=["indicator", "previous_time_period", "la_code"], how="left")
        .with_columns(pl.col("sn_count").fill_null(0), (v - pl.col("previous_value")).alias("change"))
        .with_columns(
            [
                pl.col(k).cast(pl.String)
                for k in ("indicator", "time_period", "la_code", "previous_time_period")
            ]
        )
        .select(RESULT_COLUMNS)
        .sort("indicator", "la_code", "year")
    )
    return result


def _neighbour_stats(scores: pl.DataFrame, neighbours: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """SN average, count and rank for every LA and period.

    The LA x neighbour x period table (~800,000 rows) is joined and grouped on small integer ids
    (period id, LA id) instead of strings, which made it several times faster.
    """
    nb = neighbours.lazy().collect()
    categorical = scores.schema["la_code"] == pl.Categorical
    scores = scores.with_columns(pl.col("la_code").cast(pl.String))
    pids = scores.select(PERIOD).unique().with_row_index("pid")
    codes = (
        pl.concat([scores.select("la_code"), nb.select(pl.col("neighbour_la_code").alias("la_code"))])
        .unique()
        .with_row_index("lid")
    )
    ids = scores.join(pids, on=PERIOD).join(codes, on="la_code").select("pid", "lid", "value", "score")
    pairs = (
        nb.join(codes, on="la_code")
        .join(
            codes.select(pl.col("la_code").alias("neighbour_la_code"), pl.col("lid").alias("nlid")),
            on="neighbour_la_code",
        )
        .select("lid", "nlid")
    )
    stats = (
        pairs.lazy()
        .join(
            ids.lazy().select(
                "pid", pl.col("lid").alias("nlid"), pl.col("value").alias("nv"), pl.col("score").alias("ns")
            ),
            on="nlid",
        )
        .join(ids.lazy().select("pid", "lid", pl.col("score").alias("own")), on=["pid", "lid"], how="left")
        .group_by(["pid", "lid"])
        .agg(
            pl.col("nv").mean().alias("sn_average"),
            pl.col("nv").count().cast(pl.Int32).alias("sn_count"),
            (pl.col("ns") > pl.col("own")).sum().cast(pl.Int32).alias("sn_better"),
            pl.col("own").first().alias("own"),
        )
        .collect()
    )
    return (
        stats.join(pids, on="pid")
        .join(codes, on="lid")
        .select(
            *PERIOD,
            pl.col("la_code").cast(pl.Categorical if categorical else pl.String),
            "sn_average",
            "sn_count",
            pl.when(pl.col("own").is_not_null())
            .then(pl.col("sn_better") + 1)
            .cast(pl.Int32)
            .alias("sn_rank"),
            pl.when(pl.col("own").is_not_null())
            .then(pl.col("sn_count") + 1)
            .cast(pl.Int32)
            .alias("sn_rank_of"),
        )
    )


def plain_group_by(observations: pl.DataFrame) -> pl.DataFrame:
    """The baseline for `make bench`: one plain polars group-by over the same LA rows."""
    v = pl.col("value")
    return (
        observations.lazy()
        .filter(pl.col("level") == "la")
        .group_by(PERIOD)
        .agg(v.mean(), v.count().alias("n"), v.quantile(0.25, "linear").alias("q1"), v.rank("min").alias("r"))
        .collect()
    )


def benchmark_for(
    table: pl.DataFrame, *, la_code: str, indicator: str, time_period: str
) -> dict[str, object] | None:
    """One row of `compute_benchmarks` output as a dict, or None. `time_period` may be an end year."""
    rows = table.filter(pl.col("indicator") == indicator, pl.col("la_code") == la_code)
    exact = rows.filter(pl.col("time_period") == time_period)
    if exact.height == 0 and time_period.isdigit():
        exact = rows.filter(
            pl.col("year") == int(time_period[-4:]) if len(time_period) == 4 else pl.lit(False)
        )
    return exact.row(0, named=True) if exact.height else None
