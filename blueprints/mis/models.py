"""Models of mis."""

MIS_MODELS = ()
