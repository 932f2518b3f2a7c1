from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.employees.views).
bp = Blueprint("employees", __name__)
