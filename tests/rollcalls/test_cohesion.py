"""Cohesion, attendance and member–group agreement on small roll calls computed by hand."""

from __future__ import annotations

import pytest

from curul.rollcalls import (
    attendance,
    cohesion_by_vote,
    cohesion_over_time,
    import_rollcalls,
    member_group_agreement,
)

from .conftest import write_rollcalls


@pytest.fixture
def small(tmp_path):
    return import_rollcalls(
        write_rollcalls(
            tmp_path / "rc",
            {
                # group A: 3 yes, 1 no; group B: 1 yes, 1 no, 1 abstain
                "v1": [
                    ("A", "a1", "SI"),
                    ("A", "a2", "SI"),
                    ("A", "a3", "SI"),
                    ("A", "a4", "NO"),
                    ("B", "b1", "SI"),
                    ("B", "b2", "NO"),
                    ("B", "b3", "ABSTENCION"),
                ],
                # a4 absent, b3 on leave
                "v2": [
                    ("A", "a1", "NO"),
                    ("A", "a2", "NO"),
                    ("A", "a3", "NO"),
                    ("A", "a4", "AUSENTE"),
                    ("B", "b1", "NO"),
                    ("B", "b2", "NO"),
                    ("B", "b3", "LICENCIA_OFICIAL"),
                ],
            },
        )
    )


def test_rice_and_agreement_by_hand(small):
    table = cohesion_by_vote(small).set_index(["vote_id", "group"])
    # Rice = |Y − N| / (Y + N); agreement = (max − (total − max)/2) / total
    assert table.loc[("v1", "A"), "rice"] == pytest.approx(2 / 4)
    assert table.loc[("v1", "A"), "agreement"] == pytest.approx((3 - 0.5 * 1) / 4)
    assert table.loc[("v1", "B"), "rice"] == pytest.approx(0 / 2)
    assert table.loc[("v1", "B"), "agreement"] == pytest.approx((1 - 0.5 * 2) / 3)
    assert table.loc[("v2", "A"), "rice"] == 1
    assert table.loc[("v2", "B"), "agreement"] == 1


def test_over_time_averages_votes(small):
    out = cohesion_over_time(small, freq="month", min_votes=1).set_index("group")
    assert out.loc["A", "rice"] == pytest.approx((0.5 + 1) / 2)
    assert out.loc["A", "votes"] == 2


def test_attendance_ignores_leave(small):
    att = attendance(small).set_index("member")
    assert att.loc["a4", "attendance"] == pytest.approx(1 / 2)
    assert att.loc["b3", "attendance"] == 1  # present once, on leave once: not counted against
    assert att.loc["b3", "leave"] == 1


def test_member_agreement_leaves_out_own_ballot(small):
    agree = member_group_agreement(small)
    # a4 against A's other members (yes on v1); absent on v2 → 0 of 1
    assert agree.loc["a4", "A"] == 0
    # a1 with A's others: v1 others = yes,yes,no → yes (agrees); v2 others = no,no → no (agrees)
    assert agree.loc["a1", "A"] == 1
    # b1 with group A: v1 A = yes (agrees), v2 A = no (agrees)
    assert agree.loc["b1", "A"] == 1
    # b2 with group B's others: v1 others = yes, abstain (tie: b2's no is not among them) → 0;
    # v2 others = no (b1) → agrees
    assert agree.loc["b2", "B"] == pytest.approx(1 / 2)


def test_real_data_indices_are_bounded(rollcalls):
    per_vote = cohesion_by_vote(rollcalls)
    assert per_vote["rice"].dropna().between(0, 1).all()
    assert per_vote["agreement"].between(-0.5, 1).all()
    att = attendance(rollcalls)
    assert att["votes"].sum() == len(rollcalls.ballots)


def test_aliases_come_from_the_group_names_and_never_share_a_vote(rollcalls):
    from curul.rollcalls._cohesion import group_aliases

    # groups.csv: "AVANZA PAÍS" / "AVANZA PAÍS - PARTIDO DE INTEGRACIÓN SOCIAL", "CAMBIO DEMOCRÁTICO" /
    # "CAMBIO DEMOCRÁTICO - JUNTOS POR EL PERÚ", "SOMOS PERÚ" / "SOMOS PERÚ - PARTIDO MORADO"
    assert group_aliases(rollcalls) == {"APAIS": "AP-PIS", "CD": "CD-JPP", "SP-PM": "SP"}


def test_a_group_of_one_vote_is_nobody_s_closest_group(rollcalls):
    from collections import Counter

    from curul.rollcalls import member_table
    from curul.rollcalls._cohesion import MIN_SHARED_VOTES

    # Without the alias merge and the minimum (issue 11): APAIS — Avanza País under its first code, in
    # the first vote only (7 ballots) — is the closest group of 79 of the 135 members.
    raw = member_table(rollcalls, min_shared_votes=0, merge_aliases=False)
    assert len(raw.rows) == 135
    assert Counter(r["closest_group"] for r in raw.rows)["APAIS"] == 79
    table = member_table(rollcalls)
    closest = Counter(r["closest_group"] for r in table.rows)
    assert "APAIS" not in closest and closest.most_common(1)[0][1] < 79
    for r in table.rows:
        assert "APAIS" not in r["agreement"]  # merged into AP-PIS
        if r["closest_group"] is not None:
            assert r["shared_votes"][r["closest_group"]] >= MIN_SHARED_VOTES
            assert r["closest_group"] not in (r["group"], "NA")


@pytest.mark.parametrize("until", [None, "2022-06-01"])
def test_attendance_equals_counting_the_ballots_row_by_row(rollcalls, until):
    # the code-based counts against a plain count over the ballot rows, on real votes
    import datetime as dt
    from collections import Counter

    rc = rollcalls if until is None else rollcalls.between(None, dt.date.fromisoformat(until))
    counts = Counter(zip(rc.ballots["member"], rc.ballots["category"].astype(str), strict=True))
    position = {v: i for i, v in enumerate(rc.votes["vote_id"])}
    last: dict[str, tuple[int, str]] = {}
    for member, vote, group in zip(
        rc.ballots["member"], rc.ballots["vote_id"], rc.ballots["group"], strict=True
    ):
        if member not in last or position[vote] >= last[member][0]:
            last[member] = (position[vote], str(group))
    att = attendance(rc).set_index("member")
    assert sorted(att.index) == sorted(last)
    for member, row in att.iterrows():
        present = sum(counts[member, c] for c in ("yes", "no", "abstain", "no_answer"))
        absent = counts[member, "absent"]
        assert (row["yes"], row["no"], row["abstain"], row["absent"], row["leave"]) == (
            counts[member, "yes"], counts[member, "no"], counts[member, "abstain"], absent,
            counts[member, "leave"],
        )  # fmt: skip
        assert row["present"] == present
        assert row["votes"] == sum(n for (m, _), n in counts.items() if m == member)
        assert row["attendance"] == pytest.approx(present / (present + absent))
        assert row["group"] == last[member][1]


def test_agreement_equals_a_vote_by_vote_count(rollcalls):
    # three real members against every group, counted vote by vote without the ballot codes
    import datetime as dt
    from collections import Counter, defaultdict

    from curul.rollcalls import group_aliases

    rc = rollcalls.between(None, dt.date(2021, 12, 1))
    aliases = group_aliases(rc)
    cast = rc.ballots[rc.ballots["category"].isin(("yes", "no", "abstain"))]
    by_vote: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for vote, member, group, position in zip(
        cast["vote_id"], cast["member"], cast["group"].astype(str), cast["category"].astype(str), strict=True
    ):
        by_vote[vote].append((member, aliases.get(group, group), position))
    share = member_group_agreement(rc, aliases=aliases)
    for member in sorted(set(cast["member"]))[::50]:
        for group in share.columns:
            agree = seen = 0
            for ballots in by_vote.values():
                mine = [p for m, _, p in ballots if m == member]
                others = Counter(p for m, g, p in ballots if g == group and m != member)
                if mine and others:
                    seen += 1
                    agree += others[mine[0]] == max(others.values())
            expected = agree / seen if seen else None
            got = share.loc[member, group]
            assert (expected is None and got != got) or got == pytest.approx(expected), (member, group)
