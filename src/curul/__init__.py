"""curul: Peru's political system as executable, checkable code.

The subpackages each answer one kind of question: ``curul.data`` (bundled official figures),
``curul.elections`` (seats and results), ``curul.constitution`` (who governs), ``curul.congress``
(chamber arithmetic), ``curul.rollcalls`` (roll-call analytics), ``curul.history`` (2016 onwards,
replayed), ``curul.forecast`` (polls to forecasts); ``curul.cli`` is the command line on top of them.
"""

# The version lives here (hatch reads it for the package metadata), so reading it costs no
# ``importlib.metadata`` lookup at start-up.
__version__ = "0.1.0"

__all__ = ["__version__"]
