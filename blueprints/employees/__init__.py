from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.employees.views).
# cli_group=None: the import command is `flask import-employees`, not grouped.
bp = Blueprint("employees", __name__, cli_group=None)

from blueprints.employees import cli  # noqa: E402, F401  (registers the command)
