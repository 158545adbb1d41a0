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


# Every variable read so far, with its default and the value taken, written as in an environment file
# ("true"/"false", "a,b"): the test of `.env.example` compares the file with these.
READ: dict[str, tuple[str, str]] = {}


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    return str(value)


def _note(name: str, default: object, value: object) -> None:
    READ[name] = (_text(default), _text(value))


def env_str(name: str, default: str, environ: Mapping[str, str] = os.environ) -> str:
    """The value of NAME, or the contents of the file named by NAME_FILE (for secrets), or default."""
    value = _env_str(name, default, environ)
    _note(name, default, value)
    return value


def _env_str(name: str, default: str, environ: Mapping[str, str]) -> str:
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
    value = _env_bool(name, default, environ)
    _note(name, default, value)
    return value


def _env_bool(name: str, default: bool, environ: Mapping[str, str]) -> bool:
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
    value = _env_int(name, default, environ)
    _note(name, default, value)
    return value


def _env_int(name: str, default: int, environ: Mapping[str, str]) -> int:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as e:
        raise EnvError(f"{name} must be a whole number, not {raw!r}") from e


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    raw = environ.get(name)
    value = list(default) if raw is None else [item.strip() for item in raw.split(",") if item.strip()]
    _note(name, default, value)
    return value
