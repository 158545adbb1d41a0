"""Every environment variable the settings read is read inside their error handling: a bad value stops the
start with ImproperlyConfigured naming the variable, never with a bare traceback from deep in the settings."""

import re
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

import sendhub.settings

SETTINGS = Path(sendhub.settings.__file__)
READS = re.findall(r'env_(str|bool|int|list)\(\s*"(SENDHUB_\w+)"', SETTINGS.read_text(encoding="utf-8"))
BAD = {"int": "twelve", "bool": "maybe"}


def test_the_settings_read_many_variables():
    assert len(READS) > 30  # the pattern above still finds the reads


@pytest.mark.parametrize(("kind", "name"), [read for read in READS if read[0] != "list"])
def test_a_bad_value_is_reported_as_improperly_configured(kind, name, monkeypatch, tmp_path):
    monkeypatch.setenv("SENDHUB_USE_OIDC", "true")  # the sign-in settings are read only with it
    if kind == "str":  # a string cannot be wrong, but a secret's file can be missing
        monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv(f"{name}_FILE", str(tmp_path / "missing"))
    else:
        monkeypatch.setenv(name, BAD[kind])
    with pytest.raises(ImproperlyConfigured, match=name):
        runpy.run_path(str(SETTINGS))
