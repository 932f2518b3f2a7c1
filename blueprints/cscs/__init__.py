"""The CSC registry: the centres, their operators and equipment, their status
history, gram panchayat coverage and the closing of non-functional centres."""

from flask import Blueprint

bp = Blueprint("cscs", __name__)
