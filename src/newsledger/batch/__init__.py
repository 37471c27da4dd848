"""batch stage of the newsledger pipeline."""
