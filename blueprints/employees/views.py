"""Views of employees."""

from blueprints.employees import bp  # noqa: F401
