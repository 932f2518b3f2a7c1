from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.directory.views).
bp = Blueprint("directory", __name__)
