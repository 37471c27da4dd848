"""views stage of the newsledger pipeline."""
