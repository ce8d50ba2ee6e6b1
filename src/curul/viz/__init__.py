"""Charts of chambers and results: hemicycle SVGs and party colours."""

from curul.viz._colours import party_colour
from curul.viz._hemicycle import hemicycle_svg

__all__ = ["hemicycle_svg", "party_colour"]
