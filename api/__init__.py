"""The REST API (Flask). STUB until the API issue lands: see create_app."""
