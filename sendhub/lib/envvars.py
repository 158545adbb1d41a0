"""Reading typed settings from environment variables, failing loudly on nonsense.

Django-free so that it can be used before settings exist; the caller turns
`EnvError` into `ImproperlyConfigured`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


class EnvError(ValueError):
    pass


def env_str(name: str, default: str, environ: Mapping[str, str] = os.environ) -> str:
    """The value of NAME, or the contents of the file named by NAME_FILE (for secrets), or default."""
    if name in environ:
        return environ[name]
    file_name = environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as e:
            raise EnvError(f"{name}_FILE names {file_name!r}, which cannot be read: {e.strerror}") from e
    return default


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise EnvError(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, environ: Mapping[str, str] = os.environ) -> int:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as e:
        raise EnvError(f"{name} must be a whole number, not {raw!r}") from e


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]
