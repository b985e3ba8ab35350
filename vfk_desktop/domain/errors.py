"""Errors an officer can read: every refusal is one sentence saying what is wrong and where."""

from __future__ import annotations


class VfkError(Exception):
    """Base of every expected failure; its text is shown to the user as it is."""


class UnknownLocality(VfkError):
    def __init__(self, name: str, suggestion: str | None = None) -> None:
        hint = f' Did you mean "{suggestion}"?' if suggestion else ""
        super().__init__(f'"{name}" is not one of the 12 Kent districts.{hint}')
        self.name = name
        self.suggestion = suggestion


class UnknownIndicator(VfkError):
    """One or more codes (joined by commas) the indicator catalogue lacks; advice says what to try."""

    def __init__(self, code: str, advice: str = "") -> None:
        super().__init__(f"{code} is not in the indicator catalogue{advice}.")
        self.code = code


class BadCode(VfkError):
    def __init__(self, text: str) -> None:
        super().__init__(f'"{text}" is not an indicator code (expected e.g. "NI 163" or "NI 120f").')


class BadPeriod(VfkError):
    def __init__(self, text: str) -> None:
        super().__init__(
            f'"{text}" is not a period (expected e.g. "2008/09", "2008", "2009/10 Q3" or "Mar 2010").'
        )


class StoreError(VfkError):
    """The database file cannot be used as asked (missing, locked, too new, damaged, read-only)."""


class DamagedDatabase(StoreError):
    """The file cannot be read as a database at all; the window offers the newest good backup."""

    def __init__(self, path: object, detail: str) -> None:
        super().__init__(f"{path} is damaged or is not a vfk_desktop database ({detail}).")
        self.path = path


class UsageError(VfkError):
    """A command given wrongly (an unknown role, a heading the file lacks): exit status 2."""
