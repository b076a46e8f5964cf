"""Cursor pagination on the list's own order, as a keyset: page 10,000 costs what page 1 costs.

A cursor holds the sort values of the row it continues from (for claims: the date asserted and the id),
and the next page is the rows strictly beyond them in that order. Rows added meanwhile never shift a
page, unlike OFFSET. DRF's CursorPagination keys on one field and falls back to an offset among equal
values, which a day with thousands of claims defeats; this one keys on every term of the order.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass, replace

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, FloatField, Func, Q, Value
from django.utils.translation import gettext as _
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from reports.api.errors import BadQuery
from reports.listings.results import total

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_CURSOR_LENGTH = 1000


@dataclass(frozen=True)
class Key:
    """One term of an ordering: a field or annotation, its direction, and where nulls go."""

    name: str
    descending: bool
    nulls_last: bool
    # A rank is a PostgreSQL real; its value comes back through a double, so compare it as a real again.
    real: bool = False
    # Conditions on nulls are left out for a column that has none: an OR on IS NULL keeps PostgreSQL
    # from starting the index scan at the cursor.
    nullable: bool = True

    @classmethod
    def parse(cls, term):
        if isinstance(term, str):
            descending = term.startswith("-")
            name = term.lstrip("-")
            return cls(name, descending, nulls_last=not descending)  # PostgreSQL's default placement
        descending = term.descending
        nulls_last = bool(term.nulls_last) if (term.nulls_last or term.nulls_first) else not descending
        return cls(term.expression.name, descending, nulls_last)

    def reversed(self):
        return Key(self.name, not self.descending, not self.nulls_last, self.real, self.nullable)

    def _value(self, value):
        return Func(Value(value), template="(%(expressions)s)::real", output_field=FloatField()) if self.real else value

    def order(self):
        expression = F(self.name)
        if self.nulls_last:
            return expression.desc(nulls_last=True) if self.descending else expression.asc(nulls_last=True)
        return expression.desc(nulls_first=True) if self.descending else expression.asc(nulls_first=True)

    def equal(self, value):
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: self._value(value)})

    def at_or_beyond(self, value):
        """The same as beyond() or equal(), as one range condition an index can start from."""
        if value is None:
            return Q(**{f"{self.name}__isnull": True}) if self.nulls_last else Q()
        bound = Q(**{f"{self.name}__{'lte' if self.descending else 'gte'}": self._value(value)})
        return bound | Q(**{f"{self.name}__isnull": True}) if self.nulls_last and self.nullable else bound

    def beyond(self, value):
        """Rows that come after `value` in this key's order."""
        if value is None:
            return Q(pk__in=[]) if self.nulls_last else Q(**{f"{self.name}__isnull": False})
        after = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": self._value(value)})
        return after | Q(**{f"{self.name}__isnull": True}) if self.nulls_last and self.nullable else after


def after_position(keys, values):
    """Rows strictly after the row whose sort values are `values`: (k1 > v1) or (k1 = v1 and k2 > v2)…

    The first key's bound is repeated on its own so that the index on the order can start the scan there.
    """
    condition = Q(pk__in=[])
    equal_so_far = Q()
    for key, value in zip(keys, values, strict=True):
        condition |= equal_so_far & key.beyond(value)
        equal_so_far &= key.equal(value)
    return keys[0].at_or_beyond(values[0]) & condition


def _encode(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _described(model, key):
    if not _is_field(model, key.name):
        return replace(key, real=True, nullable=False)  # the search rank
    return replace(key, nullable=model._meta.get_field(key.name).null)


def _is_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _decode(model, name, value):
    if value is None:
        return None
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("NUL in a cursor")
    if not _is_field(model, name):
        return float(value)  # the only annotation lists sort on is the search rank
    return model._meta.get_field(name).to_python(value)


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    limit_query_param = "limit"
    query_parameters = (cursor_query_param, limit_query_param)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        listing_query = getattr(view, "listing_query", None)
        self.listing_counted = listing_query is not None
        self.count = total(listing_query) if listing_query is not None else None
        self.limit = self._limit(request)
        keys = [Key.parse(term) for term in queryset.query.order_by]
        keys = [_described(queryset.model, key) for key in keys]
        backwards, position = self._cursor(request, keys, queryset.model)
        if backwards:
            keys = [key.reversed() for key in keys]
        page = queryset.order_by(*(key.order() for key in keys))
        if position is not None:
            page = page.filter(after_position(keys, position))
        rows = list(page[: self.limit + 1])
        has_more = len(rows) > self.limit
        rows = rows[: self.limit]
        if backwards:
            rows.reverse()
            keys = [key.reversed() for key in keys]
        self.keys = keys
        self.next_position = self._position(rows[-1], keys) if rows and (has_more or backwards) else None
        self.previous_position = (
            self._position(rows[0], keys) if rows and (position is not None and (has_more or not backwards)) else None
        )
        return rows

    def get_paginated_response(self, data):
        # Every count is exact; `count_estimated` stays, always false, for clients written when large ones were not.
        counted = {"count": self.count, "count_estimated": False} if self.listing_counted else {}
        return Response(
            {
                **counted,
                "next": self._link(self.next_position, False),
                "previous": self._link(self.previous_position, True),
                "results": data,
            }
        )

    def _limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None:
            return DEFAULT_LIMIT
        # isdigit() also accepts "²", which int() refuses.
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_LIMIT:
            raise BadQuery([_("limit: a whole number from 1 to %(max)d.") % {"max": MAX_LIMIT}])
        return int(raw)

    def _cursor(self, request, keys, model):
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return False, None
        try:
            if len(raw) > MAX_CURSOR_LENGTH:
                raise ValueError("cursor too long")
            data = json.loads(base64.urlsafe_b64decode(raw.encode("ascii") + b"==="))
            names, values, backwards = data["k"], data["v"], data["b"]
            if names != [key.name for key in keys] or not isinstance(values, list) or len(values) != len(keys):
                raise ValueError
            return bool(backwards), [_decode(model, key.name, value) for key, value in zip(keys, values, strict=True)]
        except (ValueError, TypeError, KeyError, OverflowError, binascii.Error, DjangoValidationError):
            raise BadQuery([_("cursor: not a cursor of this list in this order; follow the next and previous links.")]) from None

    @staticmethod
    def _position(row, keys):
        return [getattr(row, key.name) for key in keys]

    def _link(self, position, backwards):
        if position is None:
            return None
        token = json.dumps({"k": [key.name for key in self.keys], "v": [_encode(value) for value in position], "b": backwards})
        cursor = base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, cursor)

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "count_estimated", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "nullable": True,
                    "description": "How many records match, exactly (null only when counting ran past its time budget).",
                },
                "count_estimated": {"type": "boolean", "description": "Always false: every count is exact."},
                "next": {**link, "description": "The following page; null on the last one."},
                "previous": {**link, "description": "The page before; null on the first one."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Where the page starts: copy it from the `next` or `previous` link of the page before.",
                "schema": {"type": "string", "maxLength": MAX_CURSOR_LENGTH},
            },
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            },
        ]
