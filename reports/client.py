"""Who is asking: the client's address, as the rate limit and the login lockout count it."""

from django.conf import settings


def client_address(request) -> str:
    """The connecting address, or behind NUM_PROXIES proxies the address the outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For; only the entries our
    own proxies appended can be trusted, so the client is the one NUM_PROXIES places from the end.
    """
    proxies = settings.NUM_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-min(proxies, len(forwarded))][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]
