"""spaCy loading and newsledger pipeline components."""
