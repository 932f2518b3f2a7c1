from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.inspections.views).
bp = Blueprint("inspections", __name__)
