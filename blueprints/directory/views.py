"""Views of directory."""

from blueprints.directory import bp  # noqa: F401
