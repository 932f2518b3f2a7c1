from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.schemes.views).
bp = Blueprint("schemes", __name__)
