"""Quotation extraction and attribution: text in, typed records with offsets out.

Pure Python: imports neither Pelican nor markdown-it, so it can be scored, profiled
and reused on its own. See pipeline.STEPS for the rules, in order.
"""

from .lexicon import SUPPORTED, UnsupportedLanguage
from .model import Extraction, Quote, Span, Speaker, Trace
from .pipeline import ENGINE_VERSION, STEPS, extract_quotes
from .rules.phrases import PARTICLES as NAME_PARTICLES  # "da", "van", "von": inside names

__all__ = [
    "ENGINE_VERSION",
    "NAME_PARTICLES",
    "STEPS",
    "SUPPORTED",
    "Extraction",
    "Quote",
    "Span",
    "Speaker",
    "Trace",
    "UnsupportedLanguage",
    "extract_quotes",
]
