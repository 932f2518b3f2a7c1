"""Models of attendance."""

ATTENDANCE_MODELS = ()
