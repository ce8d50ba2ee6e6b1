"""The engine's procedures, one module per constitutional topic; each handler is declared once with its
event type, the fields it needs and the articles it applies.

* :mod:`.presidency`: election, term and taking office (Const. Arts. 111-112, 116, 118)
* :mod:`.vacancy`: vacancy, resignation, death, suspension (Arts. 113-114)
* :mod:`.succession`: who succeeds (Art. 115), used by the others
* :mod:`.board`: the board of Congress (Reglamento del Congreso Arts. 12, 68)
* :mod:`.cabinet`: the Council of Ministers and dissolution (Arts. 130-134)
* :mod:`.other`: installation (Reglamento Art. 48), state of siege (Art. 137), points of order, any
  vote decided by its threshold

``curul articles ARTICLE`` (or ``docs/articles.md``) names the handler and module for each article.
"""

from curul.constitution.procedures import board, cabinet, other, presidency, succession, vacancy
from curul.constitution.procedures._registry import Handler, Topic

__all__ = ["EVENT_TYPES", "HANDLERS", "TOPICS", "Handler", "Topic"]

# The topics in the order their event types are listed (in error messages and the docs).
TOPICS: tuple[Topic, ...] = (
    presidency.TOPIC,
    vacancy.TOPIC,
    succession.TOPIC,
    board.TOPIC,
    cabinet.TOPIC,
    other.TOPIC,
)

HANDLERS: dict[str, Handler] = {h.event_type: h for topic in TOPICS for h in topic.handlers}

# Each event type and the fields it requires (beyond ``date`` and ``type``); ``vote`` means yes/no counts
# or a recorded ``result`` when the counts were not reported.
EVENT_TYPES: dict[str, tuple[str, ...]] = {t: h.needs for t, h in HANDLERS.items()}
