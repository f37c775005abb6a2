"""House style rules written as YAML: a transcheck style file (several rules under ``rules:``)
or a Vale rule file (one rule, ``extends: ...`` at the top level), so existing Vale styles can
be reused. ``load_styles`` reads and compiles them once; ``checker.rules.style`` runs them.
"""

from .loader import StyleRule, StyleSet, load_style_file, load_styles, styles_for

__all__ = ["StyleRule", "StyleSet", "load_style_file", "load_styles", "styles_for"]
