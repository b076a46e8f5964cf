"""Signal receivers of the archive."""

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record


@receiver(pre_create_historical_record)
def change_reason_never_none(sender, history_instance, **kwargs):
    """A version saved without a reason has an empty one: the history screens would show a literal "None"."""
    if history_instance.history_change_reason is None:
        history_instance.history_change_reason = ""
