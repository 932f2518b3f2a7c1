"""Views of schemes."""

from blueprints.schemes import bp  # noqa: F401
