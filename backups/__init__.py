"""Backups of the database and the media files, and their restore into a new database."""
