from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException


class BadQuery(APIException):
    """400 with every reason the query was refused: {"detail": "…", "errors": ["…", …]}."""

    status_code = 400
    default_detail = _("The query was not understood.")
    default_code = "bad_query"

    def __init__(self, reasons):
        super().__init__({"detail": str(self.default_detail), "errors": [str(reason) for reason in reasons]})
