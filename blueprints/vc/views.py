"""Views of vc."""

from blueprints.vc import bp  # noqa: F401
