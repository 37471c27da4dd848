"""ingest stage of the newsledger pipeline."""
