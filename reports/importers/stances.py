"""What a territorial-control claim says of a place's control, suggested from its wording for an editor to confirm.

The first stance whose word stems occur in the quote wins, in an order that lets the more specific word speak
first ("recaptured" is a liberation, not a capture; "repelled an attempt to advance" is a repulse).
"""

STANCE_STEMS = [
    ("liberated", ["liberat", "recaptur", "regain", "retook", "звільн", "деокуп", "освобод"]),
    ("repelled", ["repel", "repuls", "pushed back", "fended off", "відбил", "відбили", "відкину", "отбил", "отрази"]),
    ("captured", ["captur", "seiz", "took control", "occupied", "захопи", "окупува", "зайняли", "захвати", "заняли"]),
    ("contested", ["contested", "fighting for", "battle for", "бої за", "бої тривають", "бои за"]),
    ("advanced", ["advanc", "просун", "продвин"]),
]


def suggested_stance(text: str, topic: str) -> str:
    """A stance for a claim about territorial control, or "" when its words say none (or it is about something else)."""
    if topic != "territorial_control":
        return ""
    lowered = text.lower()
    for stance, stems in STANCE_STEMS:
        if any(stem in lowered for stem in stems):
            return stance
    return ""
