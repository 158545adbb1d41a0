"""SEND Hub: an open-source platform for a local area's SEND partnership."""

from __future__ import annotations


def _version() -> str:
    """The installed package's version: pyproject.toml's `version` is the one place it is written."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sendhub")
    except PackageNotFoundError:  # run from a checkout that was never installed
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])


__version__ = _version()
