from tests.fixtures import english  # noqa: F401
