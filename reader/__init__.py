"""reader: compare a wire-agency story with its reprints and rewrites.

The package root and every module outside ``reader.ui`` form the pure core: they never import Textual.
"""

__version__ = "0.1.0"
