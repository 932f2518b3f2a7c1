"""Filing at the counter, the acknowledgement and the application page."""

from blueprints.applications import bp  # noqa: F401
