"""The public surface of curul.congress is deliberate: this list changes only on purpose."""

import curul.congress


def test_public_names():
    assert sorted(curul.congress.__all__) == [
        "BicameralCoalitions",
        "BicameralIndices",
        "ChamberCoalitions",
        "ChamberPower",
        "Coalition",
        "CoalitionReport",
        "Composition",
        "CompositionListing",
        "GroupSeats",
        "JointCoalition",
        "JointCoalitionReport",
        "JointIndices",
        "PowerIndices",
        "Quota",
        "VacancyArithmetic",
        "VacancyStep",
        "WeightedGame",
        "banzhaf_swings",
        "bicameral_coalitions",
        "bicameral_indices",
        "chamber_coalitions",
        "chamber_power",
        "coalitions",
        "composition",
        "composition_listing",
        "composition_quota",
        "compositions",
        "joint_coalitions",
        "joint_indices",
        "minimal_winning",
        "power_indices",
        "read_composition_csv",
        "resolve_composition",
        "resolve_threshold",
        "shapley_shubik",
        "vacancy_arithmetic",
    ]
    for name in curul.congress.__all__:
        assert hasattr(curul.congress, name)


def test_namespace_is_the_public_list():
    # nothing leaks (a helper, an imported module) and nothing listed is missing
    public = {name for name in vars(curul.congress) if not name.startswith("_")}
    assert public == set(curul.congress.__all__)


def test_chamber_arithmetic_needs_no_pandas_or_scipy():
    import subprocess
    import sys

    code = (
        "import sys, curul.congress as c; c.power_indices(c.composition('2021-07').game(87)); "
        "print(sorted(m for m in ('pandas', 'scipy', 'curul.rollcalls') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_2026_chambers_need_no_pandas_and_older_ones_no_member_list():
    import subprocess
    import sys

    code = (
        "import sys, curul.congress as c; c.composition('2021-07'); a = 'curul.data' in sys.modules; "
        "c.vacancy_arithmetic(); "
        "print(a, sorted(m for m in ('pandas', 'scipy', 'curul.rollcalls') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # a unicameral composition is read without the 2026 member list; the vacancy arithmetic of the
    # bicameral Congress (member lists, regime, joint game) without pandas or scipy
    assert result.stdout.strip() == "False []"
