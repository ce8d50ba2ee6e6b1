"""Reading the files users give: one reader, reused by every command and by the web.

* :func:`read_text`: regular files only (``-`` reads standard input explicitly; a FIFO or device is
  refused), bounded in size, UTF-8 (a byte-order mark is accepted) with a bad byte reported at its line
  and column;
* :func:`read_csv` against a :class:`CsvSchema` declared as data: exact headers, rows as wide as the
  header, bounded cells, typed values (:data:`KINDS`), one row per key, cross-row checks;
* :func:`read_toml` / :func:`parse_toml`: TOML with bounded nesting and a :class:`TomlLocator` that says
  where each key is; :func:`toml_date` for a date a TOML file must give (a date and time is refused),
  :func:`toml_name` and :func:`toml_text` for its names and free text;
* :func:`fold`, the name key every comparison of parties and districts uses.

Every problem is one :class:`curul.errors.InputError` (file, line, column, field, problem), which the
command line prints on one line with exit status 2 and the web returns as a 422.
"""

from curul.inputs._cells import KINDS, parse_count, parse_date
from curul.inputs._csv import Col, CsvSchema, CsvTable, parse_csv, read_csv
from curul.inputs._limits import LIMITS, Limits
from curul.inputs._names import fold
from curul.inputs._text import STDIN, UserText, decode, read_bytes, read_text
from curul.inputs._toml import (
    TablePath,
    TomlLocator,
    parse_toml,
    read_toml,
    toml_date,
    toml_name,
    toml_text,
)

__all__ = [
    "KINDS",
    "LIMITS",
    "STDIN",
    "Col",
    "CsvSchema",
    "CsvTable",
    "Limits",
    "TablePath",
    "TomlLocator",
    "UserText",
    "decode",
    "fold",
    "parse_count",
    "parse_csv",
    "parse_date",
    "parse_toml",
    "read_bytes",
    "read_csv",
    "read_text",
    "read_toml",
    "toml_date",
    "toml_name",
    "toml_text",
]
