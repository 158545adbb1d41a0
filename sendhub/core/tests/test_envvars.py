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
