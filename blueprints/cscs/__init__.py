"""The CSC registry: the centres, their operators and equipment, their status
history, gram panchayat coverage and the closing of non-functional centres.

Who does what (services.py holds the role tuples):
- district_manager, admin, block_officer see the registry and coverage of
  their area; a block officer's is the block (or the tehsil's blocks).
- district_manager and admin edit a centre's details (operator, contacts,
  connectivity, equipment, opening date, code).
- The "CSC manager" who proposes (a new centre, or a closure) is a
  block_officer for the centres of the area, or a district_manager (the
  DSP's CSC district manager maps to this role).
- district_manager alone decides: approves or rejects an opening, records
  the opening, suspends, reactivates, approves or rejects a closure. The one
  who proposed may not approve the same proposal (another district manager
  must), so a closure always passes two people.

Statuses stay the four of masters.CSC_STATUSES. The pipeline's "approved"
step is an approved opening proposal (models.CscProposal) on a CSC whose
status is still "proposed"; "Record the opening" makes it active.

Closed is final: a centre that reopens is proposed anew."""

from flask import Blueprint

bp = Blueprint("cscs", __name__)
