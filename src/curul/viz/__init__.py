"""Charts of chambers and results: hemicycle SVGs, party colours, and the roll-call charts."""

from curul.viz._colours import party_colour
from curul.viz._hemicycle import hemicycle_svg
from curul.viz._rollcall_charts import cohesion_chart, ideal_points_chart, plot_format

__all__ = ["cohesion_chart", "hemicycle_svg", "ideal_points_chart", "party_colour", "plot_format"]
