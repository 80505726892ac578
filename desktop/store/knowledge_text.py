"""The words of knowledge articles and of what an attendant types, as the local search sees
them: split, lowercased, accents removed (`Certidão` = `certidao`), then stemmed per language
(`licenças` = `licença` = `licenciamento`), and the typed words turned into a safe FTS5 query.

SQLite's `unicode61 remove_diacritics 2` tokenizer does the first part for the plain columns;
the stemmed columns are filled here, with the same split and folding, so both sides agree.
A stem is indexed with `STEM_MARK` before it (`0licenc`): stems and words as written then share
no token (except a word as written that starts with the mark: `0800` is also the stem token of
`800`), so the prefix query of the word being typed (`munic*`) reads the doclists of words
(`municipal` in a few titles and summaries), never those of stems (`municip` in nearly every
body). That halved the worst keystroke searches over 20,000 articles.

Portuguese words are stemmed after a small folding of their endings: the Snowball stemmer
keeps `certidão`/`certidões` and `cartão`/`cartões` apart and does not recognise `-ção` once
the accents are gone (a user types `renovacao`), so plurals in -ões/-ães/-ais/-éis/-s are made
singular and `-cao`, `-ao`, `-encia`... get their accents back before stemming. The same
folding runs on the article and on the query: only consistency matters.

Nothing here does I/O; stems are cached (the vocabulary of a knowledge base is small).
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import snowballstemmer  # type: ignore[import-untyped]

WORD = re.compile(r"[^\W_]+")
# Markdown marks that mean nothing in a snippet (the tokenizer ignores them anyway): those that
# open a line (headings, list items, quotes), then those inside it (emphasis, code, links). Two
# patterns, the second starting with a class of characters: one alternation of all of them was
# tried at every character of every body, a good part of a first sync's time.
_MARKDOWN_LINE = re.compile(r"^[ \t]{0,3}(?:#{1,6}|[-*+>]|\d+\.)[ \t]+", re.MULTILINE)
_MARKDOWN_INLINE = re.compile(r"[*`\[]+|\]\([^)]*\)|\]")
# What FTS5's highlight would insert: kept out of indexed text so it never looks like markup.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

STEM_MARK = "0"  # before every stem in the index (see above); few words start with it

STEMMERS = {"pt": "portuguese", "es": "spanish", "ca": "catalan", "en": "english"}

# Words too common to say anything about an article; dropped from a query that has others.
_STOPWORDS = """
    a o as os ao aos de da do das dos e em no na nos nas num numa um uma uns umas para por
    pelo pela pelos pelas com sem que se ou mas como qual quais quando onde sobre entre ate
    me te lhe meu minha seu sua isto isso este esta esse essa ja nao sim mais muito ser ter
    foi sao tem ha eu ele ela eles elas voce quero queria preciso precisa pode posso fazer
    el la los las del al y en un una con por para que es se lo le su sus
    els les i amb per un una del dels al als es
    the an of and or to in on for with is are be how what i my
"""
STOPWORDS = frozenset(_STOPWORDS.split())


def fold(text: str) -> str:
    """Lowercase without accents: `Licença` → `licenca` (as `remove_diacritics 2` does)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


fold_word = lru_cache(maxsize=200_000)(fold)  # the same few thousand words, again and again


def words(text: str) -> list[str]:
    """The words of `text` as the tokenizer splits them (letters and digits), folded."""
    return [fold_word(w) for w in WORD.findall(text)]


def base_language(language: str) -> str:
    return language.split("-")[0].lower()


_PT_PLURALS = (("oes", "ao"), ("aes", "ao"), ("ais", "al"), ("eis", "el"))
_PT_ACCENTS = (
    ("cao", "ção"),
    ("sao", "são"),
    ("ao", "ão"),
    ("encia", "ência"),
    ("ancia", "ância"),
    ("avel", "ável"),
    ("ivel", "ível"),
)


def _pt_singular_accented(word: str) -> str:
    if len(word) >= 4:
        for plural, singular in _PT_PLURALS:
            if word.endswith(plural):
                word = word[: -len(plural)] + singular
                break
        else:
            if len(word) >= 5 and word[-2:] in ("as", "os", "es"):
                word = word[:-1]
    for plain, accented in _PT_ACCENTS:
        if word.endswith(plain):
            return word[: -len(plain)] + accented
    return word


_stemmers: dict[str, snowballstemmer.Stemmer] = {}
_stem_lock = threading.Lock()  # a Snowball stemmer keeps state while it stems a word


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of a folded word in `language` (`pt-PT`, `es`, `ca`, `en`; others: pt-PT's),
    folded again (the stem may carry an accent put back above). Numbers and codes (`2027`,
    `a1`) are their own stem: no language inflects them, and the Snowball stemmers, in pure
    Python, spent a first sync's seconds on every article's numbers."""
    if not word.isalpha():
        return word
    base = base_language(language)
    algorithm = STEMMERS.get(base, STEMMERS["pt"])
    if algorithm == "portuguese":
        word = _pt_singular_accented(word)
    with _stem_lock:
        stemmer = _stemmers.get(algorithm)
        if stemmer is None:
            stemmer = _stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
        result = stemmer.stemWord(word)
    return fold(result)


def stem_token(word: str, language: str) -> str:
    """A folded word's stem as the stemmed columns hold it (marked: see `STEM_MARK`)."""
    return STEM_MARK + stem(word, language)


@lru_cache(maxsize=200_000)
def _written_token(word: str, language: str) -> str:
    """The stem token of a word as written (`Licenças` → `0licenc`)."""
    return stem_token(fold(word), language)


def stemmed(text: str, language: str) -> str:
    """`text` as its stem tokens, one per word, for the stemmed columns."""
    found = WORD.findall(text)
    # Each distinct word looked up once: an article repeats its words (a first sync of
    # thousands of articles spends its time here).
    tokens = {w: _written_token(w, language) for w in set(found)}
    return " ".join([tokens[w] for w in found])


def _without_control(text: str) -> str:
    return _CONTROL.sub(" ", text) if _CONTROL.search(text) else text


def plain(text: str) -> str:
    """Markdown as plain text on one line, for the index and snippets."""
    text = _MARKDOWN_LINE.sub(" ", _without_control(text))
    return " ".join(_MARKDOWN_INLINE.sub(" ", text).split())


def clean(text: str) -> str:
    """Text for an indexed column: control characters out, whitespace kept simple."""
    return " ".join(_without_control(text).split())


# --- queries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One typed word: folded, and whether it is the word being typed (matched as a prefix)."""

    word: str
    prefix: bool = False
    alternatives: tuple[str, ...] = ()  # spelling corrections (a typo pass)


MIN_PREFIX = 2  # a single typed letter is not searched as a prefix


def query_terms(text: str) -> list[Term]:
    """The words to look for in `text`. The last word is a prefix unless followed by a space
    or punctuation; stopwords are dropped when other words remain."""
    found = list(WORD.finditer(text))
    if not found:
        return []
    typing = found[-1].end() == len(text)
    terms = [
        Term(fold(m.group()), prefix=typing and i == len(found) - 1) for i, m in enumerate(found)
    ]
    terms = [t for t in terms if not (t.prefix and len(t.word) < MIN_PREFIX)]
    content = [t for t in terms if t.word not in STOPWORDS or t.prefix]
    if any(t.word not in STOPWORDS for t in content):
        terms = content
    # The same word twice says nothing more.
    unique: dict[tuple[str, bool], Term] = {}
    for term in terms:
        unique.setdefault((term.word, term.prefix), term)
    return list(unique.values())


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_expression(terms: Sequence[Term], language: str, *, any_word: bool = False) -> str:
    """An FTS5 MATCH expression: every term (or, with `any_word`, any) must match by its stem
    token or, for the word being typed, as a prefix of a word as written. A whole word needs no
    match as written: the same word has the same stem, and every phrase costs (bm25 counts the
    rows of each one). Every word is quoted, so nothing the user types is FTS5 syntax.

    No column filter: stem tokens (`STEM_MARK`) are only in the stemmed columns and the words
    as written only in the others (the body as written is not indexed), so a filter would say
    nothing, and FTS5 applies one by reading every position list of every row it counts: the
    filters cost a quarter of a keystroke's SQL over 20,000 articles. The price is at words
    that start with the mark: `800` also finds `0800` as written, and `080` being typed is
    not a prefix (it would reach every number starting with 80)."""
    parts = []
    for term in terms:
        options = []
        for word in (term.word, *term.alternatives):
            if term.prefix and not word.startswith(STEM_MARK):  # (a prefix would reach stems)
                options.append(f"{_quoted(word)}*")
            options.append(_quoted(stem_token(word, language)))
        parts.append("(" + " OR ".join(dict.fromkeys(options)) + ")")
    return (" OR " if any_word else " AND ").join(parts)


@lru_cache(maxsize=200_000)
def analysed(word: str, language: str) -> tuple[str, str]:
    """A word as written → (folded, stem): what a match is decided on."""
    folded = fold(word)
    return folded, stem(folded, language)


class Matcher:
    """Says which words of an article the query matched, for highlighting."""

    def __init__(self, terms: Iterable[Term], language: str) -> None:
        self.language = language
        self.exact: set[str] = set()
        prefixes: list[str] = []
        self.stems: set[str] = set()
        self._yes: set[str] = set()
        self._no: set[str] = set()
        for term in terms:
            for word in (term.word, *term.alternatives):
                self.exact.add(word)
                self.stems.add(stem(word, language))
                if term.prefix:
                    prefixes.append(word)
        self.prefixes = tuple(prefixes)
        self.stem_tokens = frozenset(STEM_MARK + s for s in self.stems)

    def __call__(self, word: str) -> bool:
        """Whether `word` (as written in the article) matched."""
        return bool(self.matched({word}))

    def matched(self, words: set[str]) -> set[str]:
        """Those of `words` (as written in the article) that matched. Answers are remembered:
        one matcher serves all the hits of a search, which share most of their words, so most
        are settled by two set differences."""
        exact, stems, prefixes, language = self.exact, self.stems, self.prefixes, self.language
        for word in words - self._yes - self._no:
            folded, stemmed = analysed(word, language)
            if folded in exact or stemmed in stems or (prefixes and folded.startswith(prefixes)):
                self._yes.add(word)
            else:
                self._no.add(word)
        return words & self._yes


BOLD, END_BOLD = "<b>", "</b>"


def highlight(text: str, matches: Matcher) -> str:
    """`text` as escaped HTML with the matched words in `<b>…</b>`."""
    wanted = matches.matched(set(WORD.findall(text)))
    if not wanted:
        return html.escape(text)
    out: list[str] = []
    last = 0
    for m in WORD.finditer(text):
        if m.group() in wanted:
            out.append(html.escape(text[last : m.start()]))
            out.append(BOLD + html.escape(m.group()) + END_BOLD)
            last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


SNIPPET_CHARS = 180
SNIPPET_BEFORE = 50  # of the first match, when the text is cut
ELLIPSIS = "…"


def snippet(
    texts: Sequence[str],
    matches: Matcher,
    size: int = SNIPPET_CHARS,
    *,
    stemmed: tuple[str, str],
) -> str:
    """About `size` characters around the first match in the first of `texts` that has one
    (summary, documents), then in `stemmed` (the body and its stem tokens: see
    `first_stem_match`), highlighted; else the start of the first non-empty text."""
    for text in texts:
        at = first_match(text, matches)
        if at is not None:
            return _window(text, at, size, matches)
    text, tokens = stemmed
    at = first_stem_match(text, tokens, matches)
    if at is not None:
        return _window(text, at, size, matches)
    return lead([*texts, text], matches, size)


def lead(texts: Sequence[str], matches: Matcher, size: int = SNIPPET_CHARS) -> str:
    """The start of the first non-empty of `texts`, matched words highlighted."""
    for text in texts:
        if text:
            return _window(text, 0, size, matches)
    return ""


def first_match(text: str, matches: Matcher) -> int | None:
    """Where the first matched word of `text` starts. The distinct words are checked first (a
    body says the same words again and again), then the words are read up to the first one."""
    wanted = matches.matched(set(WORD.findall(text)))
    if not wanted:
        return None
    return next(m.start() for m in WORD.finditer(text) if m.group() in wanted)


def first_stem_match(text: str, tokens: str, matches: Matcher) -> int | None:
    """Where the first word of `text` whose stem the query matched starts, found in `tokens`:
    what `stemmed` made of `text` (each word's stem token, in order, one space apart), as the
    stemmed column keeps it. The body is matched by its stems alone, and reading it word by
    word (split, fold, stem) for every hit was most of a search's Python time; here the
    tokens are searched as one string and only the words before the match are split."""
    padded = f" {tokens} "
    found = [at for token in matches.stem_tokens if (at := padded.find(f" {token} ")) >= 0]
    if not found:
        return None
    index = padded.count(" ", 0, min(found))  # the words before it
    word = next(islice(WORD.finditer(text), index, None), None)
    return word.start() if word is not None else None


def _window(text: str, at: int, size: int, matches: Matcher) -> str:
    start = 0 if at <= SNIPPET_BEFORE else at - SNIPPET_BEFORE
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else at
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", max(at, start), end)
        end = space if space > at else end
    body = highlight(text[start:end].strip(), matches)
    return (ELLIPSIS if start > 0 else "") + body + (ELLIPSIS if end < len(text) else "")


# --- spelling: one-letter typos ----------------------------------------------------------------


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours (or none)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


MIN_TYPO_LENGTH = 4  # shorter words have too many neighbours to guess from


class Vocabulary:
    """Words of the titles and tags, indexed by their one-letter deletions (a word and a typo
    of it share one), so candidates are found with a few dictionary lookups."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.words = frozenset(
            w for w in vocabulary if len(w) >= MIN_TYPO_LENGTH - 1 and w.isalpha()
        )
        self._by_deletion: dict[str, list[str]] = {}
        for word in self.words:
            for variant in _deletions(word):
                self._by_deletion.setdefault(variant, []).append(word)

    def corrections(self, word: str) -> tuple[str, ...]:
        """Known words one edit away from `word` (not `word` itself), sorted."""
        if len(word) < MIN_TYPO_LENGTH or word in self.words:
            return ()
        found: set[str] = set()
        for variant in _deletions(word):
            found.update(self._by_deletion.get(variant, ()))
        return tuple(sorted(w for w in found if w != word and within_one_edit(word, w)))
