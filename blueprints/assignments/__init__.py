from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.assignments.views).
bp = Blueprint("assignments", __name__)
