"""The dated political state the engine moves forward: who holds which office, and what is pending."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

POSTS: tuple[str, ...] = ("president", "first_vp", "second_vp", "third_vp")


@dataclass(frozen=True)
class Board:
    """A chamber's board (Mesa Directiva): President and three Vice Presidents; ``None`` is a vacant post.
    ``until`` is the last day of the annual period the board was elected for (Reglamento Art. 12)."""

    chamber: str
    president: str | None = None
    first_vp: str | None = None
    second_vp: str | None = None
    third_vp: str | None = None
    until: dt.date | None = None

    def get(self, post: str) -> str | None:
        return getattr(self, post)

    def with_post(self, post: str, name: str | None) -> Board:
        if post not in POSTS:
            raise ValueError(f"not a board post: {post!r}")
        posts: dict[str, str | None] = {p: (name if p == post else self.get(p)) for p in POSTS}
        return Board(self.chamber, posts["president"], posts["first_vp"], posts["second_vp"],
                     posts["third_vp"], self.until)  # fmt: skip

    @property
    def empty(self) -> bool:
        return all(self.get(post) is None for post in POSTS)

    def acting_head(self, skip: str | None = None) -> tuple[str, str] | None:
        """The first officer in order (President, 1st, 2nd, 3rd VP) who can preside: ``(post, name)``."""
        for post in POSTS:
            name = self.get(post)
            if name is not None and post != skip:
                return post, name
        return None


@dataclass(frozen=True)
class Tenure:
    """One president's time in office, how it began and how it ended."""

    name: str
    since: dt.date
    via: str
    until: dt.date | None = None
    left: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "since": self.since,
            "via": self.via,
            "until": self.until,
            "left": self.left,
        }


@dataclass(frozen=True)
class Council:
    """A Council of Ministers that fell to censure or denied confidence (counted by the dissolution rule)."""

    date: dt.date
    pcm: str | None
    how: str
    chamber: str


@dataclass(frozen=True)
class Motion:
    """A presidential vacancy motion in progress: filed, admitted, approved by the Deputies."""

    stage: str
    date: dt.date
    target: str | None


@dataclass(frozen=True)
class State:
    """Immutable snapshot. ``president_board_post`` is the board post the President still holds when a
    congressional officer exercises the presidency (R21); ``pending_successor`` says who will take a
    vacant presidency ("next_president_of_congress") while nobody holds it."""

    date: dt.date
    regime: str
    presidents: tuple[Tenure, ...] = ()
    first_vp: str | None = None
    second_vp: str | None = None
    boards: tuple[Board, ...] = ()
    president_board_post: str | None = None
    pending_successor: str | None = None
    suspended_president: str | None = None
    president_elect: tuple[str, str | None, str | None] | None = None
    pcm: str | None = None
    pcm_since: dt.date | None = None
    councils: tuple[Council, ...] = ()
    dissolved: tuple[str, ...] = ()
    state_of_siege: bool = False
    elections_convened: str | None = None
    motion: Motion | None = None
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def president(self) -> str | None:
        if self.presidents and self.presidents[-1].until is None:
            return self.presidents[-1].name
        return None

    @property
    def tenure(self) -> Tenure | None:
        if self.presidents and self.presidents[-1].until is None:
            return self.presidents[-1]
        return None

    def board(self, chamber: str) -> Board:
        for board in self.boards:
            if board.chamber == chamber:
                return board
        return Board(chamber=chamber)

    def with_board(self, board: Board) -> State:
        others = tuple(b for b in self.boards if b.chamber != board.chamber)
        return replace(self, boards=(*others, board))

    def as_dict(self, presiding: str) -> dict[str, object]:
        board = self.board(presiding)
        tenure = self.tenure
        acting = board.acting_head(skip=self.president_board_post)
        return {
            "date": self.date,
            "regime": self.regime,
            "president": tenure.as_dict() if tenure else None,
            "first_vp": self.first_vp,
            "second_vp": self.second_vp,
            "president_of_congress": board.president,
            "acting_head_of_congress": acting[1] if acting else None,
            "presiding_chamber": presiding,
            "boards": {
                b.chamber: {**{post: b.get(post) for post in POSTS}, "until": b.until} for b in self.boards
            },
            "pending_successor": self.pending_successor,
            "pcm": self.pcm,
            "pcm_since": self.pcm_since,
            "councils_fallen": [
                {"date": c.date, "pcm": c.pcm, "how": c.how, "chamber": c.chamber} for c in self.councils
            ],
            "dissolved": list(self.dissolved),
            "elections_convened": self.elections_convened,
        }
