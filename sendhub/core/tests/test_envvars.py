import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from sendhub.lib.envvars import EnvError, env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("FALSE", False), ("1", True), ("off", False), ("", True)]
)
def test_env_bool(raw, expected):
    assert env_bool("X", default=True, environ={"X": raw}) is expected


def test_env_bool_refuses_nonsense():
    with pytest.raises(EnvError, match="X must be true or false"):
        env_bool("X", default=False, environ={"X": "maybe"})


def test_env_int_and_list():
    assert env_int("N", 3, environ={"N": "12"}) == 12
    with pytest.raises(EnvError):
        env_int("N", 3, environ={"N": "twelve"})
    assert env_list("L", ["a"], environ={"L": "x, y,,z"}) == ["x", "y", "z"]
    assert env_list("L", ["a"], environ={}) == ["a"]


def test_secret_from_file(tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    assert env_str("K", "", environ={"K_FILE": str(secret)}) == "s3cret"
    with pytest.raises(EnvError, match="cannot be read"):
        env_str("K", "", environ={"K_FILE": str(tmp_path / "missing")})


# `.env.example` as a shell and systemd read it, compared with what the settings module reads.

ENV_EXAMPLE = Path(__file__).resolve().parents[3] / ".env.example"
ASSIGNMENT = re.compile(r"^(#?)(SENDHUB_[A-Z0-9_]+)=(.*)$")
ONLY_WHEN_ASKED = {"SENDHUB_OIDC_CLIENT_ID", "SENDHUB_OIDC_CLIENT_SECRET", "SENDHUB_OIDC_TENANT"}


def systemd_environment_file(text: str) -> dict[str, str]:
    """systemd's EnvironmentFile= rules for the lines we write: comments are whole lines starting with
    # or ;, a value in double quotes loses them (backslash escapes the next character), and anything
    else is taken as it stands, a `#` after the value included."""
    values = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        name, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        values[name.strip()] = value
    return values


def bash_environment(path: Path) -> dict[str, str]:
    result = subprocess.run(
        ["bash", "-c", f"set -eu -a; . {shlex.quote(str(path))}; set +a; env -0"],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    pairs = (item.partition("=") for item in result.stdout.split("\0") if item.startswith("SENDHUB_"))
    return {name: value for name, _, value in pairs}


def settings_read(environment: dict[str, str]) -> dict[str, list[str]]:
    """Each variable the settings module reads under `environment`: [default, value], as env text."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SENDHUB_")}
    script = (
        "import json, django; django.setup(); from sendhub.lib.envvars import READ; print(json.dumps(READ))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, **environment, "DJANGO_SETTINGS_MODULE": "sendhub.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def stated_defaults(text: str) -> dict[str, str]:
    """The `# Default:` line above each variable, placeholders filled in as the settings module does."""
    checkout = Path(__file__).resolve().parents[3]
    defaults, pending = {}, None
    for line in text.splitlines():
        if line.startswith("# Default:"):
            pending = line.removeprefix("# Default:").strip()
        elif match := ASSIGNMENT.match(line):
            assert pending is not None, f"{match[2]} has no '# Default:' line above it"
            stated = "" if pending == "(none)" else re.sub(r" \(.*\)$", "", pending)
            stated = stated.replace("<SENDHUB_VAR_DIR>", str(checkout / "var"))
            stated = stated.replace("<checkout>/..", str(checkout.parent)).replace(
                "<checkout>", str(checkout)
            )
            defaults[match[2]] = stated
            pending = None
    return defaults


def test_env_example_lines_are_quoted_and_carry_no_inline_comment():
    for number, line in enumerate(ENV_EXAMPLE.read_text().splitlines(), start=1):
        if match := ASSIGNMENT.match(line):
            assert re.fullmatch(r'"[^"\\$`]*"', match[3]), (
                f"line {number}: the value must be double-quoted alone"
            )


def test_env_example_loads_the_same_in_a_shell_and_in_systemd():
    from_systemd = systemd_environment_file(ENV_EXAMPLE.read_text())
    assert from_systemd == bash_environment(ENV_EXAMPLE)
    assert from_systemd["SENDHUB_SERVICE_NAME"] == "SEND Hub"


def test_settings_read_every_value_of_env_example_as_written():
    environment = systemd_environment_file(ENV_EXAMPLE.read_text())
    read = settings_read(environment)
    for name, value in environment.items():
        assert name in read, f"{name} is in .env.example but the settings never read it"
        assert read[name][1] == value, f"{name}: settings read {read[name][1]!r}, the file says {value!r}"


def test_env_example_states_every_default_truthfully():
    stated = stated_defaults(ENV_EXAMPLE.read_text())
    read = settings_read({})
    assert set(read) - set(stated) == set(), "variables the settings read but .env.example does not list"
    assert set(stated) - set(read) - ONLY_WHEN_ASKED == set(), "variables listed that nothing reads"
    for name, (default, _value) in read.items():
        assert stated[name] == default, (
            f"{name}: .env.example says the default is {stated[name]!r}, it is {default!r}"
        )
