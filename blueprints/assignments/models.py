"""Models of assignments."""

ASSIGNMENTS_MODELS = ()
