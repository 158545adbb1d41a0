"""The shapes the strategy pages share, as view factories over `core.steps.step`: a page that records
something on a record (`recorder`), changes a record (`editor`) or removes it after asking (`remover`).
A page is then a declaration: its permission, how it loads its record, its form and its one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.steps import step
from sendhub.strategy.forms.edit import ReasonedRemoveForm, RemoveForm

Row = Any
View = Callable[..., Any]


def editor(
    permission: str,
    load: Callable[[AuthenticatedHttpRequest, int], Row],
    form_class: type[Any],
    fields: list[str],
    change: Callable[..., Any],
    *,
    name: str,
    done: Callable[[Row], Any],
    success: Callable[[Row], str],
    initial: Callable[[Row], dict[str, Any]] = lambda row: {},
    keyword: str = "",
) -> View:
    """The change page of a record: its form opens with the record's `fields` and its version, and a valid
    POST calls `change(<keyword or name>=row, by=user, **cleaned_data)`; the page is
    `strategy/<name>_edit.html`."""

    @requires(permission)
    def view(request: AuthenticatedHttpRequest, pk: int) -> Any:
        row = load(request, pk)
        opened = {"version": row.version, **{f: getattr(row, f) for f in fields}, **initial(row)}
        form = form_class(request.POST or None, initial=opened)
        return step(
            request,
            form,
            lambda d: change(**{keyword or name: row}, by=request.user, **d),
            template=f"strategy/{name}_edit.html",
            context={name: row},
            done=done(row),
            success=success(row),
        )

    return view


def remover(
    permission: str,
    load: Callable[[AuthenticatedHttpRequest, int], Row],
    remove: Callable[..., None],
    *,
    name: str,
    what: Callable[[Row], str],
    back: Callable[[Row], str],
    reason: bool = False,
) -> View:
    """The "are you sure" page of a record and its POST: `remove(<name>=row, by=user, version=...,
    [reason=...])` does the soft removal."""

    @requires(permission)
    def view(request: AuthenticatedHttpRequest, pk: int) -> Any:
        row = load(request, pk)
        form_class = ReasonedRemoveForm if reason else RemoveForm
        form = form_class(request.POST or None, initial={"version": row.version})
        return step(
            request,
            form,
            lambda d: remove(**{name: row}, by=request.user, **d),
            template="strategy/remove.html",
            context={"what": what(row), "back": back(row)},
            done=back(row),
            success=f"Removed {what(row)}",
        )

    return view


def by_pk(get: Callable[[int], Row]) -> Callable[[AuthenticatedHttpRequest, int], Row]:
    return lambda request, pk: get(pk)


def recorder(
    permission: str,
    load: Callable[[AuthenticatedHttpRequest, int], Row],
    form_class: type[Any],
    record: Callable[..., Any],
    *,
    name: str,
    template: str,
    done: Callable[[Row], Any],
    success: Callable[[Row], Any] = lambda row: "",
) -> View:
    """A page that records something on a record (an update on an action, an item at a meeting): a valid
    POST calls `record(<name>=row, by=user, **cleaned_data)` and goes to `done(row)`."""

    @requires(permission)
    def view(request: AuthenticatedHttpRequest, pk: int) -> Any:
        row = load(request, pk)
        form = form_class(request.POST or None)
        return step(
            request,
            form,
            lambda d: record(**{name: row}, by=request.user, **d),
            template=template,
            context={name: row},
            done=done(row),
            success=success(row),
        )

    return view
