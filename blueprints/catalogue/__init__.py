from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.<name>.views), so
# that importing a model never drags in every view.
bp = Blueprint("catalogue", __name__)
