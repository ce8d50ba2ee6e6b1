"""Shared fixtures: the roll calls of ../shared/data (absent_shared when that folder is missing), and
small roll-call folders written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

ROLLCALLS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "rollcalls"


@pytest.fixture(scope="session")
def rollcalls_dir(absent_shared) -> Path:
    if not (ROLLCALLS / "votes.csv").is_file():
        absent_shared(f"roll-call data not found at {ROLLCALLS} (shared data folder absent)")
    return ROLLCALLS


@pytest.fixture(scope="session")
def rollcalls(rollcalls_dir):
    from curul.rollcalls import import_rollcalls

    return import_rollcalls(rollcalls_dir)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Keep `rollcalls import` from writing into the user's real cache."""
    monkeypatch.setenv("CURUL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "curul-cache"))


VOTE_HEADER = (
    "vote_id,date,time,subject,presiding,quorum,legal_number,yes,no,abstain,no_answer,absent,on_leave,"
    "annual_period,legislature,source_path"
)


def write_rollcalls(folder: Path, ballots: dict[str, list[tuple[str, str, str]]], dates=None) -> Path:
    """Write a small openpolitica-layout folder: ``ballots[vote_id] = [(group, member, code), …]``.

    Recorded totals are computed from the ballots, so the files agree with themselves.
    """
    folder.mkdir(parents=True, exist_ok=True)
    codes = {"yes": "SI", "no": "NO", "abstain": "ABSTENCION", "no_answer": "SIN_RESPONDER",
             "absent": "AUSENTE", "on_leave": "LICENCIA_OFICIAL"}  # fmt: skip
    back = {v: k for k, v in codes.items()}
    vote_lines = [VOTE_HEADER]
    ballot_lines = ["vote_id,group,member,ballot"]
    for k, (vid, rows) in enumerate(ballots.items()):
        totals = dict.fromkeys(codes, 0)
        for group, member, code in rows:
            if code in back:
                totals[back[code]] += 1
            ballot_lines.append(f'{vid},{group},"{member}",{code}')
        date = dates[k] if dates else f"2022-01-{k + 1:02d}"
        vote_lines.append(
            f'{vid},{date},10:00,"MOTION {k}",CHAIR,3,{len(rows)},{totals["yes"]},{totals["no"]},'
            f"{totals['abstain']},{totals['no_answer']},{totals['absent']},{totals['on_leave']},"
            f"2021-2022,Primera,path/{vid}"
        )
    (folder / "votes.csv").write_text("\n".join(vote_lines) + "\n", encoding="utf-8")
    (folder / "ballots.csv").write_text("\n".join(ballot_lines) + "\n", encoding="utf-8")
    (folder / "groups.csv").write_text("group,name\nA,GROUP A\nB,GROUP B\n", encoding="utf-8")
    return folder
