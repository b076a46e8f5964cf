"""WSGI entry point: `gunicorn --config config/gunicorn.py config.wsgi`."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_application = get_wsgi_application()


def application(environ, start_response):
    """Django, with a deadline on each send to the client.

    gunicorn's sockets block without limit: a client that stops reading an export would hold its thread
    (and its database connection) for good. With a timeout the send fails after SEND_TIMEOUT seconds
    without progress, gunicorn closes the connection and the export's query is cancelled.
    """
    client = environ.get("gunicorn.socket")
    if client is not None:
        client.settimeout(settings.SEND_TIMEOUT)
    return django_application(environ, start_response)
