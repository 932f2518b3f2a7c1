"""Shared plumbing: the database, sign-in, access, the history, messages,
PDFs, the queue and periodic tasks, the working-day calendar.

The kernel is what core may use of the areas, and nothing else:

- `blueprints`             the list of areas (AREAS, area_modules) that
                           migrate.all_models and cli.seed_demo walk;
- `blueprints.masters`     the place hierarchy (district, tehsils, blocks,
                           gram panchayats, villages, offices, CSCs);
- `blueprints.accounts`    users, bound to those places, and the charges
                           entered for them (additional charge, leave
                           substitute); the charge book that answers who
                           holds a post is the employee register's
                           (blueprints.employees.charges).

Any module of a kernel area counts (models, services, demo, demo_data). The
kernel areas import no other area, and accounts sits above masters (a user
is bound to a place; masters never imports accounts). Every other area may
use core and the kernel; no two areas import each other.
tests/core/test_layers.py holds the tree to these rules."""

KERNEL = ("blueprints", "blueprints.masters", "blueprints.accounts")
