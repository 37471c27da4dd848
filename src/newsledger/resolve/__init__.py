"""resolve stage of the newsledger pipeline."""
