"""Models of directory."""

DIRECTORY_MODELS = ()
