"""curul: Peru's political system as executable, checkable code.

The subpackages each answer one kind of question: ``curul.data`` (bundled official figures),
``curul.elections`` (seats and results) and the others listed in the README.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("curul")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
