"""Fixtures shared by every app's tests: a client that checks HTML, and one user per role."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import html5lib
import pytest
from django.conf import settings
from django.db import transaction
from django.template import TemplateSyntaxError
from django.test import Client

from sendhub.accounts.models import Role, Team, User

# The national data the tests load (a cut-down copy): a plugin, so that only pytest imports it.
pytest_plugins = ["sendhub.dashboard.tests.national_fixtures"]

# ../shared beside the checkout, or wherever SENDHUB_SHARED_DATA (its data folder) says: one setting for all.
SHARED_DIR = settings.SENDHUB_SHARED_DATA.parent
TEST_PASSWORD = "correct-horse-battery-staple-42"  # noqa: S105


class HtmlCheckingClient(Client):
    """Fails the test on the first HTML parse error in any HTML response (funding-service's habit)."""

    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and not response.streaming and response.content:
            parser = html5lib.HTMLParser(strict=False)
            parser.parse(response.content)
            if parser.errors:
                (line, col), code, data = parser.errors[0]
                raise AssertionError(f"{request['PATH_INFO']}: invalid HTML at {line}:{col} ({code} {data})")
        return response


class UndefinedTemplateVariable(str):
    """Django's `string_if_invalid`, in the tests only: a template that prints a variable the view never
    passed (or a lookup that fails, such as a name on a missing officer) fails the test instead of
    rendering as nothing, which is how an empty worklist once passed 1,518 tests. `{% if x %}` and
    `{% for %}` still treat a missing name as false/empty: Django resolves those ignoring failures."""

    def __new__(cls) -> UndefinedTemplateVariable:
        return super().__new__(cls, "<undefined>")

    def __bool__(self) -> bool:
        # A missing related object (ObjectDoesNotExist is a "silent variable failure") resolves to this
        # value even inside `{% if %}`: it must be false there, as the empty string is in production.
        return False

    def __contains__(self, key: object) -> bool:
        return key == "%s"  # makes Django call __mod__ with the variable it could not resolve

    def __mod__(self, variable: object) -> str:
        raise TemplateSyntaxError(f"Undefined template variable: {variable}")


@pytest.fixture(autouse=True, scope="session")
def undefined_template_variables_fail() -> None:
    """Every engine that renders the project's templates: pages, e-mails and the forms' own renderer."""
    from django.forms.renderers import get_default_renderer
    from django.template import engines

    raising = UndefinedTemplateVariable()
    engines["django"].engine.string_if_invalid = raising  # type: ignore[attr-defined]
    get_default_renderer().engine.engine.string_if_invalid = raising  # type: ignore[attr-defined]


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing() -> Iterator[None]:
    """Django's own advice for test suites: a deliberately slow hasher (PBKDF2, a second a password on
    these machines) made every user a fixture creates cost as much as the test itself. Production keeps
    the settings' hashers; `accounts/tests/test_sign_in.py` checks the settings module still names a slow one."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


T = TypeVar("T")


@contextmanager
def seeded_once(django_db_blocker: Any, seed: Callable[[], T]) -> Iterator[T]:
    """Run `seed` once for a wide-scoped fixture, inside a transaction that is rolled back when the fixture
    ends, so the data never outlives it. Each test's own transaction (the `db` fixture) nests inside as a
    savepoint, so a test that writes is rolled back to the seeded state and the next test sees it unchanged.
    Only for tests on `db` (not `transactional_db`: flushing would empty the seeded tables)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield seed()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_db(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The demo data (seed 3, scale 0.02), loaded once for the test module that asks for it; its tests
    read it (and any writes they make are rolled back). Loading it takes about a minute: ask for this
    rather than loading the demo again in a test."""
    from sendhub.core.demo import load_demo_data

    with seeded_once(django_db_blocker, lambda: load_demo_data(seed=3, scale=0.02, stdout=io.StringIO())):
        yield


@pytest.fixture
def client() -> HtmlCheckingClient:
    return HtmlCheckingClient()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.fail(f"The shared data folder is missing: {SHARED_DIR}")
    return SHARED_DIR


@pytest.fixture
def team(db: Any) -> Team:
    return Team.objects.create(name="Primary")


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    def make(role: str, email: str | None = None, **extra: Any) -> User:
        email = email or f"{role}-{User.objects.count() + 1}@example.test"
        return User.objects.create_user(email, TEST_PASSWORD, full_name=f"Test {role}", role=role, **extra)

    return make


@pytest.fixture
def officer(make_user: Callable[..., User], team: Team) -> User:
    return make_user(Role.CASE_OFFICER, "officer@example.test", team=team)


@pytest.fixture
def colleague(make_user: Callable[..., User], team: Team) -> User:
    return make_user(Role.CASE_OFFICER, "colleague@example.test", team=team)


@pytest.fixture
def manager(make_user: Callable[..., User], team: Team) -> User:
    return make_user(Role.TEAM_MANAGER, "manager@example.test", team=team)


@pytest.fixture
def senco(make_user: Callable[..., User]) -> User:
    return make_user(Role.SENCO, "senco@example.test")


@pytest.fixture
def parent(make_user: Callable[..., User]) -> User:
    return make_user(Role.PARENT, "parent@example.test")


@pytest.fixture
def analyst(make_user: Callable[..., User]) -> User:
    return make_user(Role.ANALYST, "analyst@example.test")


@pytest.fixture
def provider(make_user: Callable[..., User]) -> User:
    return make_user(Role.PROVIDER, "provider@example.test")


@pytest.fixture
def ep(make_user: Callable[..., User]) -> User:
    return make_user(Role.EP, "ep@example.test")


@pytest.fixture
def moderator(make_user: Callable[..., User]) -> User:
    return make_user(Role.MODERATOR, "moderator@example.test")


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.ADMIN, "admin@example.test")


@pytest.fixture
def login() -> Any:
    def do_login(client: Client, user: User) -> Client:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return do_login
