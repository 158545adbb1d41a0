"""LAIT's placeholder zeros for local authorities changed by local government reorganisation.

LAIT's file (`bds_long_0.parquet`) keeps a row for every LA it has ever listed in every period, and fills
some periods of reorganised authorities with ``0`` where the authority had no figure of its own: the
successor before it existed (Bournemouth, Christchurch and Poole's "qualified at 19" 2016-2021, Cumberland
and Westmorland and Furness in 2022), the abolished authority after it ended (Poole (Pre LG) 2022-2024,
Cumbria 2023-2024). Ranked as real figures they would be the worst (or best) in England and shift every
rank, quartile and neighbour average behind them, so they are read as missing, with the marker
``reorg`` saying why.

Which zeros: a ``0`` from one of the authorities below is a placeholder when

* the period ends before the authority was created or starts after it was abolished (the dates are the
  structural change orders: the Bournemouth, Dorset and Poole (Structural Changes) Order 2018 (SI
  2018/648), 1 April 2019; the Northamptonshire (Structural Changes) Order 2020 (SI 2020/156), 1 April
  2021; the Cumbria (Structural Changes) Order 2022 (SI 2022/331), 1 April 2023), or
* no authority outside this list has a zero for that indicator and period (a zero nobody else has, from
  an authority whose figures were carried across a reorganisation, is not a measurement; a zero many
  authorities share, such as permanent exclusions from special schools, is kept).
"""

from __future__ import annotations

import polars as pl

PLACEHOLDER_MARKER = "reorg"

# DfE LA number -> (first year, last year) the authority had figures of its own, as `readers.year_of`
# counts years (the calendar year, or the year an academic year ends). None: no limit on that side.
REORGANISED: dict[str, tuple[int | None, int | None]] = {
    "835": (None, 2019),  # Dorset (Pre LG), abolished 1 April 2019
    "836": (None, 2019),  # Poole (Pre LG)
    "837": (None, 2019),  # Bournemouth (Pre LG)
    "838": (2019, None),  # Dorset (unitary from 1 April 2019)
    "839": (2019, None),  # Bournemouth, Christchurch and Poole
    "928": (None, 2021),  # Northamptonshire, abolished 1 April 2021
    "940": (2021, None),  # North Northamptonshire
    "941": (2021, None),  # West Northamptonshire
    "909": (None, 2023),  # Cumbria, abolished 1 April 2023
    "942": (2023, None),  # Cumberland
    "943": (2023, None),  # Westmorland and Furness
}


def _outside_lifetime() -> pl.Expr:
    expr = pl.lit(False)
    for code, (first, last) in REORGANISED.items():
        here = pl.col("area_code") == code
        if first is not None:
            expr = expr | (here & (pl.col("year") < first))
        if last is not None:
            expr = expr | (here & (pl.col("year") > last))
    return expr


def placeholder_zeros(frame: pl.DataFrame) -> pl.Series:
    """Boolean per row of an observations frame (`readers.OBSERVATION_SCHEMA`): a placeholder zero."""
    reorganised = pl.col("area_code").is_in(list(REORGANISED))
    zero_la = (pl.col("level") == "la") & (pl.col("value") == 0)
    others_zero = (
        (zero_la & ~reorganised).cast(pl.Int32).sum().over(["indicator", "time_period"]).fill_null(0)
    )
    return frame.select(
        (zero_la & reorganised & (_outside_lifetime() | (others_zero == 0))).fill_null(False).alias("p")
    )["p"]


def drop_placeholder_zeros(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with each placeholder zero made missing, marked ``reorg``."""
    mask = placeholder_zeros(frame)
    return frame.with_columns(
        pl.when(mask).then(None).otherwise(pl.col("value")).alias("value"),
        pl.when(mask).then(pl.lit(PLACEHOLDER_MARKER)).otherwise(pl.col("marker")).alias("marker"),
    )
