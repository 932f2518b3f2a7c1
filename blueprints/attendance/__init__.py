from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.attendance.views).
bp = Blueprint("attendance", __name__)
