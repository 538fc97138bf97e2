"""Importing events from an iCalendar file or URL and from an OpenAgenda JSON export."""
