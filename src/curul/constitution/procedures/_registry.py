"""How a handler is declared: once, with its event type, the fields it needs, the articles it applies and
the regime procedures it votes.

Each topic module makes one :class:`Topic` (its title, module and articles) and decorates its handlers
with :meth:`Topic.handler`; the package lists the topics in order, and the event-file reader, the engine
and the article index (``curul articles``) all read these declarations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from curul.constitution._run import Run
from curul.constitution._state import State

Apply = Callable[[Run, State], State]


@dataclass(frozen=True)
class Handler:
    """One event type: the fields it needs (``vote`` = yes/no counts or a recorded result), the articles it
    applies (``Const. Art. 113``, ``Reglamento del Congreso Art. 12``...), the regime procedures it votes
    (``vacancy.approval``) and the function that applies it."""

    event_type: str
    needs: tuple[str, ...]
    articles: tuple[str, ...]
    votes: tuple[str, ...]
    apply: Apply
    topic: str

    @property
    def module(self) -> str:
        """The module that holds the handler, e.g. ``curul.constitution.procedures.vacancy``."""
        return self.apply.__module__

    @property
    def function(self) -> str:
        return self.apply.__name__

    @property
    def file(self) -> str:
        """The handler's source file, relative to the repository root."""
        return "src/" + self.module.replace(".", "/") + ".py"

    def __call__(self, run: Run, state: State) -> State:
        return self.apply(run, state)


class Topic:
    """One constitutional topic: its module, the articles the module implements (helpers included), and
    its handlers in the order they are declared."""

    def __init__(self, title: str, module: str, articles: tuple[str, ...]) -> None:
        self.title = title
        self.module = module
        self.articles = articles
        self.handlers: list[Handler] = []

    @property
    def file(self) -> str:
        """The topic's source file, relative to the repository root."""
        return "src/" + self.module.replace(".", "/") + ".py"

    def handler(
        self,
        event_type: str,
        *,
        articles: tuple[str, ...],
        needs: tuple[str, ...] = (),
        votes: tuple[str, ...] = (),
    ) -> Callable[[Apply], Apply]:
        """Declare the decorated function as the handler of ``event_type``."""

        def register(apply: Apply) -> Apply:
            if any(h.event_type == event_type for h in self.handlers):
                raise ValueError(f"event type {event_type!r} is declared twice")
            self.handlers.append(Handler(event_type, needs, articles, votes, apply, self.title))
            return apply

        return register
