"""Make the product's own small copy of the national data (``sendhub/dashboard/data/``).

The shipped copy keeps the shared folder layout, so ``sendhub benchmarks load`` reads either folder. EES
files are cut down to the headline breakdown rows the catalogue uses; the LAIT file and its dictionary are
kept whole (every one of LAIT's 434 measures is an indicator, `lait_all`); every kept cell is the
published string, unchanged. Run it again after a new DfE release:
``python -m sendhub.dashboard.national.vendor ../shared/data sendhub/dashboard/data``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import polars as pl

from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.readers import locate, read_csv_strings


def vendor(source: Path, dest: Path, catalogue: tuple[cat.Indicator, ...] = cat.CATALOGUE) -> list[Path]:
    written = []
    files: dict[str, set[str]] = {}
    for indicator in catalogue:
        if indicator.source == "ees":
            files.setdefault(indicator.file, set()).update(v.lower() for _, v in indicator.filters)
    for relative, topics in sorted(files.items()):
        frame = read_csv_strings(locate(source, relative))
        kept = frame.filter(
            pl.col("breakdown_topic").str.strip_chars().str.to_lowercase().is_in(sorted(topics))
        )
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        kept.write_csv(target)
        written.append(target)
    target = dest / cat.LAIT_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    pl.read_parquet(locate(source, cat.LAIT_FILE)).write_parquet(target, compression="zstd")
    written.append(target)
    shutil.copyfile(locate(source, cat.LAIT_DICTIONARY), dest / cat.LAIT_DICTIONARY)
    shutil.copyfile(locate(source, cat.NEIGHBOURS_FILE), dest / cat.NEIGHBOURS_FILE)
    written += [dest / cat.LAIT_DICTIONARY, dest / cat.NEIGHBOURS_FILE]
    return written


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    for path in vendor(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
