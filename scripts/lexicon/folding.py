"""The accent folding the parser's `clean::fold` does, for the scripts that build its tables:
NFKD, combining marks removed, lower case."""
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()
