from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.mis.views).
bp = Blueprint("mis", __name__)
