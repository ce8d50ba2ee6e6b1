"""Charts of chambers and results: hemicycle SVGs, party colours, simulated distributions."""

from curul.viz._colours import party_colour
from curul.viz._distributions import chart_format, distribution_chart
from curul.viz._hemicycle import hemicycle_svg

__all__ = ["chart_format", "distribution_chart", "hemicycle_svg", "party_colour"]
