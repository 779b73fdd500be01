"""Errors a user sees as one clear line (the CLI prints them and exits non-zero)."""


class AlliesError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = 2


class InputError(AlliesError):
    """Input that cannot be read: a missing path, a malformed file, a bad question."""

    exit_code = 2


class StoreError(AlliesError):
    """The store cannot be opened or written (locked, corrupt, wrong version)."""

    exit_code = 3
