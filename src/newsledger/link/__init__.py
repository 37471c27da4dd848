"""link stage of the newsledger pipeline."""
