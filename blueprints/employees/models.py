"""Models of employees."""

EMPLOYEES_MODELS = ()
