"""Charts of chambers and results: hemicycle SVGs, timelines of terms, party colours, simulated
distributions and the roll-call charts. Every chart takes plain frames or arrays and returns the file's
bytes or text."""

from curul.viz._colours import party_colour
from curul.viz._distributions import chart_format, distribution_chart
from curul.viz._hemicycle import hemicycle_svg
from curul.viz._rollcall_charts import cohesion_chart, ideal_points_chart, plot_format
from curul.viz._timeline import TimelineSpan, timeline_svg

__all__ = [
    "TimelineSpan",
    "chart_format",
    "cohesion_chart",
    "distribution_chart",
    "hemicycle_svg",
    "ideal_points_chart",
    "party_colour",
    "plot_format",
    "timeline_svg",
]
