"""The Django glue shared by every app: URLs, WSGI entry point, middleware."""
