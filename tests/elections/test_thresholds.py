"""Every threshold rule kind answers one protocol; its batch half agrees with its exact half."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from curul.elections import AllOf, AnyOf, NoThreshold, SeatsInDistricts, VoteShare, allocate, allocate_batch
from curul.elections._threshold_tables import KINDS, parse_rule
from curul.elections._thresholds import BatchInput, ThresholdInput
from curul.errors import CurulError

DISTRICTS = ("NORTE", "CENTRO", "SUR")
MAGNITUDES = np.array([3, 5, 2], dtype=np.int64)

SHARE = VoteShare(Fraction(1, 5), alliance_extra_per_member=Fraction(1, 20), law="test")
FLAT = VoteShare(Fraction(1, 5), alliance_share=Fraction(3, 10), districts=("SUR",), law="test")
SEATS = SeatsInDistricts(2, 2, law="test")
RULES = [
    NoThreshold(law="none"),
    SHARE,
    FLAT,
    SEATS,
    SeatsInDistricts(3, 1, law="test"),
    AnyOf((SHARE, SEATS)),
    AllOf((FLAT, AnyOf((SHARE, SEATS)))),
]


def _exact_input(votes, members, parties):
    table = {d: {p: int(votes[j, k]) for k, p in enumerate(parties)} for j, d in enumerate(DISTRICTS)}

    def preliminary():
        return {
            d: allocate(table[d], int(MAGNITUDES[j]), tie_break=parties).seats
            for j, d in enumerate(DISTRICTS)
        }

    return ThresholdInput(table, dict(zip(parties, members, strict=True)), preliminary)


@settings(max_examples=80, deadline=None)
@given(
    votes=arrays(np.int64, (4, len(DISTRICTS), 5), elements=st.integers(0, 40)),
    members=st.lists(st.integers(1, 3), min_size=5, max_size=5),
    rule=st.sampled_from(RULES),
)
def test_passes_batch_agrees_with_evaluate(votes, members, rule):
    parties = [f"L{k}" for k in range(votes.shape[2])]
    batch = rule.passes_batch(
        BatchInput(votes, DISTRICTS, np.array(members), lambda: allocate_batch(votes, MAGNITUDES))
    )
    assert batch.shape == (votes.shape[0], len(parties))
    for i in range(votes.shape[0]):
        verdicts = rule.evaluate(_exact_input(votes[i], members, parties))
        assert [verdicts[p].passed for p in parties] == batch[i].tolist()
        assert all(v.why for v in verdicts.values())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: type(r).__name__)
def test_every_kind_describes_itself_and_round_trips_through_its_table(rule):
    described = rule.to_dict()
    assert described["kind"] in KINDS and described["text"] == rule.describe()
    assert all(leaf.law for leaf in rule.leaves())
    assert rule.needs_preliminary() == any(isinstance(leaf, SeatsInDistricts) for leaf in rule.leaves())


def test_combined_rules_join_their_parts():
    rule = AnyOf((SHARE, SEATS))
    assert rule.describe() == f"({SHARE.describe()}) OR ({SEATS.describe()})"
    assert rule.leaves() == (SHARE, SEATS)
    assert [r["kind"] for r in rule.to_dict()["rules"]] == ["vote_share", "seats_in_districts"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"kind": "any_of", "rules": []}, "any_of needs a non-empty list of rules"),
        ({"kind": "vote_share", "share": "1/20", "law": "x", "sources": "one"}, "expected a list"),
        ({"kind": "all_of", "rules": ["vote_share"]}, "a rule is a table"),
        ({"kind": "none", "colour": "red"}, "unknown key"),
    ],
)
def test_bad_rule_tables_are_refused(table, message):
    with pytest.raises(CurulError, match=message):
        parse_rule(table, "threshold")
