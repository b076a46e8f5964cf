"""Idempotent loading of the data the archive ships: write a row only when something changed."""

from dataclasses import dataclass

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def upsert(model, *, lookup: dict, values: dict):
    """Create or update one row found by `lookup`; save (and so write history) only on a change.

    Returns (instance, outcome). Full validation runs before any write.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        return instance, CREATED
    changed = {name: value for name, value in values.items() if getattr(instance, name) != value}
    if not changed:
        return instance, UNCHANGED
    for name, value in changed.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance, UPDATED


def set_if_changed(manager, wanted) -> bool:
    """Set a many-to-many relation only when its members differ (so no empty history entry)."""
    wanted = set(wanted)
    if set(manager.all()) == wanted:
        return False
    manager.set(wanted)
    return True
