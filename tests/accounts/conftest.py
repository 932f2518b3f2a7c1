"""Pages in English unless a test sets a language cookie."""

from tests.fixtures import english  # noqa: F401
