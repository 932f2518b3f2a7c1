"""Models of schemes."""

SCHEMES_MODELS = ()
