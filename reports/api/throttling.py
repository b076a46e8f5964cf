from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client address, counted in the shared cache (so across app hosts when CACHE_URL is set).

    Reads the rate when asked rather than once at import, so that a changed setting takes effect.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
