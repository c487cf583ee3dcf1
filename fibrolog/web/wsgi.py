"""The WSGI application that `fibrolog serve` hands to waitress."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fibrolog.settings")
application = get_wsgi_application()
