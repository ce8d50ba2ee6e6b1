import curul.elections


def test_public_surface_is_curated():
    assert sorted(curul.elections.__all__) == sorted(
        [
            "METHODS",
            "AllOf",
            "Allocation",
            "AnyOf",
            "Apportionment",
            "ApportionmentRule",
            "BatchResult",
            "CongressResults",
            "ElectionResult",
            "ElectoralSystem",
            "Electorate",
            "FirstRound",
            "Indices",
            "NoThreshold",
            "PartyResult",
            "SeatsInDistricts",
            "Tie",
            "Verdict",
            "VoteShare",
            "allocate",
            "allocate_batch",
            "allocate_batch_with_ties",
            "allocate_system",
            "allocate_system_batch",
            "apportion",
            "apportion_deputies_2026",
            "congress_results",
            "congress_years",
            "effective_number",
            "electorate_2026",
            "first_round",
            "first_round_batch",
            "gallagher",
            "indices",
            "load_system",
            "loosemore_hanby",
            "official_seats",
            "official_votes",
            "read_votes",
            "runoff",
            "runoff_batch",
            "systems",
        ]
    )
    for name in curul.elections.__all__:
        assert hasattr(curul.elections, name)
