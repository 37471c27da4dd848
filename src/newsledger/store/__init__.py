"""store stage of the newsledger pipeline."""
