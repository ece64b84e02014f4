"""The one exception type the library raises; the CLI turns it into `path: message` lines."""


class PlanExtractError(Exception):
    """Bad input (document, rule file, option). `str(err)` is a one-line, user-facing message."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(PlanExtractError):
    """A document that cannot be read as text (binary, undecodable, missing)."""


class RuleError(PlanExtractError):
    """A rule file that is invalid; carries every problem found, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))
