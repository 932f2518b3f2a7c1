"""Models of vc."""

VC_MODELS = ()
