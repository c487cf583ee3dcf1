"""The WSGI application that `fibrolog serve` hands to waitress."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fibrolog.settings")
os.umask(0o077)  # the database, its WAL and SHM files and uploads are private, under any server
application = get_wsgi_application()
