"""extract stage of the newsledger pipeline."""
