from flask import Blueprint

# Views are imported by app.register_blueprints (blueprints.alerts.views), so
# that the morning task can import the models without the views.
bp = Blueprint("alerts", __name__)
