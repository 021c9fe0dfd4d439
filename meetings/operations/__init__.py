"""Running the archive: middleware, logs, backups, client addresses and rate limits, demo data."""
