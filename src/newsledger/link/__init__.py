"""link stage: copies (copies.py), stories (stories.py), merged events (merge.py); front door linker.py."""
