"""Dutch word forms for the social map's search box.

A resident types "zwemmen voor kinderen" and means offers about "zwemles" for a "kind".
PostgreSQL's Dutch Snowball stemmer is not enough on the query side: it stems "zwemmen" to
"zwemm" (so the prefix query "zwemm:*" misses "zwemles") and "kinderen" to "kinder" (which
misses "kind"). So we derive our own prefixes from each query word and match them as
prefixes: against the Dutch-stemmed document on PostgreSQL, as substrings on SQLite.

Each prefix must be a prefix of the Snowball stem of every form of the same word, or the
PostgreSQL search misses the document's own word. Snowball also strips a final -e and the
derivational endings -ing, -end, -ig, -heid, -lijk and -baar ("opvoeding" -> "opvoed") and
writes a doubled vowel in a last closed syllable once ("taal" -> "tal"), so we do too.
"""

import re
import unicodedata

MIN_PREFIX = 3

# The Snowball stop word list for Dutch (snowballstem.org/algorithms/dutch/stop.txt).
STOPWORDS = frozenset(
    # A word list reads best as text.
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet
    niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van
    veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo
    zonder zou
    """.split()  # noqa: SIM905
)

# Plural, verb and inflection endings; at most one is stripped ("dansen" -> "dans", never
# on to "dan"). Longest first only for readability: every ending that fits gives a form.
INFLECTIONS = ("'s", "eren", "ers", "en", "s")
DIMINUTIVES = ("etje", "tje", "pje", "je")
DERIVATIONS = ("ing", "end", "ig", "heid", "lijk", "baar")
DOUBLE_CONSONANT = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")
DOUBLE_VOWEL = re.compile(r"(?<=[^aeiou])(aa|ee|oo|uu)(?=[^aeiou]$)")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _plain(text: str) -> str:
    """Lower case without accents: "Taalcafé" -> "taalcafe"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u2019", "'")


def _strip(forms: set[str], endings: tuple[str, ...]) -> set[str]:
    return {form[: -len(e)] for form in forms for e in endings if form.endswith(e)}


def _undouble(form: str) -> str:
    """ "zwemm" -> "zwem", "less" -> "les"."""
    return form[:-1] if DOUBLE_CONSONANT.search(form) else form


def _single_vowel(form: str) -> str:
    """ "taal" -> "tal", "inloop" -> "inlop": how Snowball writes the stem."""
    return DOUBLE_VOWEL.sub(lambda m: m.group(1)[0], form)


def word_prefixes(word: str) -> list[str]:
    """The prefixes one (plain, lower-case) word is matched by; shortest forms only."""
    forms = {word} | _strip({word}, INFLECTIONS)
    forms |= _strip(forms, ("e",))
    forms |= _strip(forms, DIMINUTIVES)
    forms |= _strip(forms, DERIVATIONS)
    forms |= _strip(forms, ("e",))
    forms = {_undouble(form) for form in forms}
    forms |= {_single_vowel(form) for form in forms}
    forms = {form.rstrip("'") for form in forms if len(form) >= MIN_PREFIX}
    # A form that starts with another form adds nothing to a prefix match.
    return sorted(f for f in forms if not any(f != g and f.startswith(g) for g in forms))


def search_terms(text: str) -> list[list[str]]:
    """Per meaningful word of `text`, its prefixes: a match needs every word (AND) and any
    prefix of that word (OR). Stop words and words shorter than three letters are left out.
    """
    terms = []
    for word in WORD.findall(_plain(text)):
        if word in STOPWORDS or len(word) < MIN_PREFIX:
            continue
        prefixes = word_prefixes(word)
        if prefixes and prefixes not in terms:
            terms.append(prefixes)
    return terms
