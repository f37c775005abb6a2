"""Built-in rules. Importing this package registers them; each module holds one family."""

from . import names  # noqa: F401
