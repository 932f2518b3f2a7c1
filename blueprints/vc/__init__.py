from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.vc.views).
bp = Blueprint("vc", __name__)
