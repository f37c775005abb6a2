"""Built-in rules. Importing this package registers them; each module holds one family."""

from . import names  # noqa: F401
from . import glossary  # noqa: F401
from . import style  # noqa: F401
from . import suppression  # noqa: F401
