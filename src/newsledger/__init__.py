"""newsledger: a sourced, dated, geolocated, de-duplicated record of events from news articles."""

__version__ = "0.1.0"
# Stamped on every event so a record can be traced to the coder that produced it.
CODER_VERSION = f"newsledger-{__version__}"
