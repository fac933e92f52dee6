"""Text handling before tokenization: width normalisation, sentence splitting, boilerplate."""

from summarizer.text.boilerplate import BoilerplateKind, find_dateline, is_boilerplate_line, newsroom_words
from summarizer.text.normalize import normalize_width
from summarizer.text.split import Span, split_sentences

__all__ = [
    "BoilerplateKind",
    "Span",
    "find_dateline",
    "is_boilerplate_line",
    "newsroom_words",
    "normalize_width",
    "split_sentences",
]
