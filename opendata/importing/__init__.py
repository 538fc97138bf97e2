"""Importing lists of actors: readers turn a file into rows of our field names
(opendata.importing.readers); the importer checks, deduplicates, geocodes and writes them
through moderation (opendata.importing.importer)."""
