"""One hierarchy of domain errors. Views show them as form errors; the API turns them into 4xx JSON."""


class SendHubError(Exception):
    """A rule of the service said no. The message is shown to the user, so write it for them.

    ``field`` names the form field the refusal is about, where there is one, so a form can show the
    message beside that field as well as in the error summary.
    """

    def __init__(self, *args: object, field: str | None = None) -> None:
        super().__init__(*args)
        self.field = field


class CaseStateError(SendHubError):
    """The case is not in a state that allows this action."""


class StaleObjectError(SendHubError):
    """Someone else saved this record after you opened it (optimistic locking)."""

    def __init__(
        self,
        message: str = "Someone else changed this record after you opened it. "
        "Reload the page to see their changes, then make yours again.",
    ) -> None:
        super().__init__(message)


class ImportRejected(SendHubError):
    """An import file was rejected whole; nothing was written."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []
