"""English negations: a cue and the words that carry it on to a term (a state machine over
a clause's words), a listed subject with a negative predicate, goods bought for resale."""

from __future__ import annotations

import re

from exportcheck.lazyre import compiled
from exportcheck.negation.clause import _MASK, _Clause, _clause_begin

_BOUGHT = ("purchased", "bought", "procured")  # cues only as adjectives: "bought-in X"


_DETERMINERS = frozenset({"a", "an", "the", "this", "these", "those", "our", "their", "its"})


# With 't: doesn't, can't …
_NEGATED_VERBS = ("doesn", "don", "isn", "aren", "won", "wasn", "weren", "hasn", "haven", "didn")


_NEGATED_MODALS = ("can", "shouldn", "wouldn")


_EN_CUES = frozenset(
    {
        *("no", "not", "without", "never", "neither", "nor", "none", "except", "excluding"),
        *("cannot", "lacks", "lacking", "nothing", "removed", "removes", "dropped", "drops"),
        # "instead of X", "rather than X": X is what is not used
        *("instead", "rather"),
        # a bought part: its technology is the seller's ("bought-in NdFeB magnets")
        *_BOUGHT,
        *("excludes", "omits", "omitted"),
        # "unrelated to X": named only to be set apart ("irrelevant of the platform" would
        # say something else)
        "unrelated",
        # ... or to be compared with: "X versus Y", "compared with X", "an alternative to X"
        # ("unlike X," is passes' contrast)
        *("versus", "vs", "compared", "alternative"),
        *(f"{verb}{quote}t" for verb in _NEGATED_VERBS + _NEGATED_MODALS for quote in "'’"),
    }
)


# Verbs of exclusion, whose objects joined by "and" are all left out ("the contract expressly
# excludes parental strains and X"), where "no manual curation and X" may affirm X.
_EN_EXCLUDING = frozenset({"excludes", "excluding", "except", "omits", "omitted"})


# Words that carry a negation on to the first term after it: auxiliaries, verbs of having and
# using, prepositions ("does not *rely on* X", "is not *used for* X"). After a term they start a
# new predicate ("no chatbot and *relies on* X" affirms X), so there they end the scope.
_EN_LEAD = frozenset(
    {
        *("be", "been", "being", "is", "are", "was", "were", "will", "would", "does", "do"),
        *("did", "has", "have", "had", "need", "needs", "require", "requires", "required"),
        *("use", "uses", "used", "using", "utilise", "utilises", "utilize", "utilizes"),
        *("include", "includes", "included", "including", "involve", "involves", "involved"),
        *("involving", "contain", "contains", "containing", "provide", "provides", "providing"),
        *("offer", "offers", "implement", "implements", "perform", "performs", "employ"),
        *("employs", "support", "supports", "rely", "relies", "depend", "depends", "based"),
        *("equipped", "fitted", "ship", "ships", "integrate", "integrates", "integrated"),
        *("incorporate", "incorporates", "embed", "embeds", "embedded", "apply", "applies"),
        *("transfer", "transfers", "license", "licenses", "licence", "licences", "cover"),
        *("covers", "comprise", "comprises", "carry", "carries", "for", "in", "on"),
        *("with", "to", "than", "develop", "develops", "developed", "build"),
        *("builds", "built", "make", "makes", "made", "produce", "produces", "produced"),
        *("manufacture", "manufactures", "hold", "holds", "own", "owns", "sell", "sells"),
        *("deliver", "delivers", "disclose", "discloses", "share", "shares", "supply"),
        *("supplies", "teach", "teaches", "reveal", "reveals", "grant", "grants", "hand"),
        # "nothing about how the X works is disclosed"
        *("about", "regarding", "concerning", "how"),
        # "does not fall under / within X"
        *("fall", "falls", "fell", "under", "within"),
        # "has no rights to X", "no access to X", "does not interface with X"
        *("right", "rights", "access", "interface", "interfaces", "touch", "touches"),
        *("connect", "connects"),
        # "You will not work on X, Y or Z", "does not deal with X"
        *("work", "works", "deal", "deals", "engage", "engages", "participate", "handle"),
        *("handles",),
    }
)


# Words that carry it anywhere in a list of terms: determiners and generic nouns ("no such
# features", "no X module or Y").
_EN_CARRY = frozenset(
    {
        *("a", "an", "the", "any", "such", "other", "its", "their", "our", "this", "these"),
        *("all", "every", "each"),
        *("that", "those", "either", "whatsoever", "kind", "kinds", "type", "types", "form"),
        *("forms", "sort", "function", "functions", "functionality", "module", "modules"),
        *("component", "components", "capability", "capabilities", "technology"),
        *("technologies", "technique", "techniques", "tool", "tools", "system", "systems"),
        *("service", "services", "engine", "engines", "software", "solution", "solutions"),
        *("element", "elements", "part", "parts", "algorithm", "algorithms", "method"),
        *("methods", "feature", "features", "of", "middleware", "library", "libraries", "sdk"),
        *("sdks", "platform", "platforms", "product", "products", "model", "models", "stack"),
        # common modifiers ("removed the *experimental* LiDAR feature", "no *AI* chatbot")
        *("own", "proprietary", "experimental", "optional", "additional", "separate", "ai"),
        *("dedicated", "onboard", "external", "internal", "automatic", "automated", "smart"),
        *("intelligent", "advanced", "standalone", "legacy", "third", "party", "related"),
        # what software and processes are made of ("the X service and Y *logic* are …")
        *("logic", "code", "codebase", "framework", "frameworks", "pipeline", "pipelines"),
        *("subsystem", "subsystems", "api", "apis", "package", "packages", "process"),
        *("processes", "firmware", "variant", "variants", "version", "versions"),
    }
)
# Nouns that carry a list only right after its term: "our rare-earth-modified Al-Li *grades*
# are outside the licence" (not "… 96 %\nThe high-density *grade* is not part of it", a new
# sentence whose own subject ends the list).
_EN_HEAD_AFTER_TERM = frozenset({"grade", "grades", "alloy", "alloys", "material", "materials"})


_EN_ITEM_WORDS = 2  # words that are not terms, allowed in one item of a negated list
# The second half of a hyphenated modifier ("phosphate-based", "battery-grade"): with the word
# before it, one modifier of the term that follows.
_EN_COMPOUND = frozenset({"based", "type", "grade", "class", "level", "powered", "driven"})


# Words that make a cue restrict rather than negate ("not only", "not limited to").
_EN_RESTRICTING = frozenset(
    {"only", "just", "merely", "solely", "exclusively", "limited", "necessarily", "restricted"}
)


_EN_JOIN = frozenset({"or", "nor", "and", "/", "&", "、"})


# English goods: "buys finished automotive LiDAR units", "NdFeB magnets for resale".
_EN_GOODS = (
    r"\bfinished\s+(?:[a-z0-9-]+\s+)?(?P<a>\ue000[\ue000\s-]*)\s*(?:[a-z]+\s+)?(?:units?|products?|"
    r"goods|magnets?|modules?|cells?|devices?|sensors?|blocks?|parts|segments|components)\b"
    r"|(?P<b>\ue000[\ue000\s-]*)\s*(?:[a-z]+\s+)?(?:units?|products?|goods|magnets?|modules?|"
    r"cells?|devices?|sensors?)\s+(?:\([^()\n]{0,60}\)\s+)?for\s+resale\b"
    # the term names the goods itself: "sale of 200 finished spray drones (firmware locked)"
    r"|\bfinished\s+(?:[a-z-]+\s+)?(?P<c>\ue000[\ue000\s-]*?)(?=\s*(?:[(),.;:]|\bfor\b|\bto\b|"
    r"\bwith\b|\Z))"
    # bought on the market: "We buy LFP cathode powder on the market"
    r"|\b(?:we|they|the\s+(?:buyer|customer|client|owner))\s+(?:buy|buys|bought|purchase|purchases|"
    r"purchased|source|sources|sourced)\s+(?:our\s+|the\s+|its\s+|their\s+)?\ue000[\ue000\s-]*"
    r"(?:[a-z]+\s+){0,2}?(?:on|from|in)\s+the\s+(?:open\s+)?market\b"
)


_EN_MAKING = ("make", "making", "manufactur", "produc", "process", "know-how", "design", "build")


_EN_BESIDES = ("not only", "but also", "as well as", "know-how", "technology")


def _english_goods(c: _Clause) -> None:
    text = c.masked[c.begin : c.end]
    if any(word in text for word in _EN_BESIDES):
        return  # "not only finished X magnets but also the know-how to make them"
    for found in compiled(_EN_GOODS).finditer(c.masked, c.begin, c.end):
        if found.group("c") is not None and any(word in text for word in _EN_MAKING):
            continue  # "finished drones, and the making of them": the making is technology
        c.negate_within(found)


def _english(c: _Clause) -> None:  # noqa: PLR0912 - one state machine, one branch per word kind
    """The English rules of the module docstring, as a state machine over the clause's words
    (a masked term is one word)."""
    scope = _Scope(c)
    for match in c.tokens:
        word = match.group()
        if word[0] == _MASK:  # one run of terms: overlapping or adjacent ones are one word
            for index in [i for i in c.inside if match.start() <= c.spans[i][0] < match.end()]:
                if scope.cue is not None:  # (a term of the run may end the scope)
                    scope.term(index)
        elif (word in _EN_CUES and (scope.cue is None or word not in _EN_JOIN)) or (
            # "free of X" (not "free of charge")
            word == "free"
            and c.masked.startswith(" of ", match.end())
            and not c.masked.startswith((" of charge", " of cost"), match.end())
        ):
            if scope.ambiguous or scope.unknown or (scope.cue is not None and scope.leading()):
                return  # "cannot work without X": a negation of a negation
            scope.start(match.start())
            scope.bought = word in _BOUGHT
            scope.excluding = word in _EN_EXCLUDING
        elif (
            scope.cue is not None
            and not scope.reached
            and (word in _EN_RESTRICTING or (scope.bought and word in _DETERMINERS))
        ):
            # "not only X or Y", "not limited to X or Y": it restricts, nothing is negated;
            # "users who purchased *the* drone": a verb with its object
            scope.end()
        elif word in _EN_JOIN or word == ",":
            scope.join(word)
        elif scope.cue is not None and word in _EN_COMPOUND and c.masked[match.start() - 1] == "-":
            # "no phosphate-based X", "no battery-grade X": the pair is one modifier
            scope.unknown = max(0, scope.unknown - 1)
        elif scope.cue is not None and _after_hyphen(c.masked, match.start()):
            continue  # "no rare-earth agents, X or Y": a hyphenated word is one word
        elif (
            scope.cue is None
            or word in _EN_CARRY
            or (word in _EN_LEAD and scope.leading())
            or _is_model_code(word)
        ):
            continue
        elif word in _EN_LEAD and scope.reached:
            scope.end()  # "no X and *relies* on Y": a new predicate
        else:
            scope.unknown += 1
            if scope.unknown > _EN_ITEM_WORDS:
                scope.end()


def _is_model_code(word: str) -> bool:
    """Whether ``word`` is a grade or model code of letters and digits ("purchased N42SH
    sintered X", "no V2 X"): a modifier, like an adjective."""
    return not word.isdigit() and not word.isalpha() and word.isalnum() and word.isascii()


def _after_hyphen(masked: str, at: int) -> bool:
    """Whether the word at ``at`` continues a hyphenated word ("earth" in "rare-earth")."""
    return at >= 2 and masked[at - 1] == "-" and "a" <= masked[at - 2] <= "z"


class _Scope:
    """An English negation in force (see _english): where its cue began, how far it reached,
    and the terms of a list that wait for an or/nor/and to close it."""

    def __init__(self, clause: _Clause) -> None:
        self.clause = clause
        self.cue: int | None = None
        # A scope ended before it reached a term: a cue after it may negate that negation.
        self.ambiguous = False
        self.reached = False  # a term has been negated since the cue
        self.listing = False  # after "X,": the next items wait for or/nor/and
        self.joined = False  # after or/nor/and: the last item
        self.unknown = 0  # words of the current item that are not terms and carry nothing
        self.pending: list[int] = []
        self.bought = False  # the cue is "purchased"/"bought": an adjective, not a verb
        self.excluding = False  # the cue is a verb of exclusion: its objects share it

    def leading(self) -> bool:
        """Before anything but carrying words: verbs still carry ("does not use any")."""
        return not (self.reached or self.listing or self.unknown)

    def start(self, cue: int) -> None:
        self.cue = cue
        self.reached = self.listing = self.joined = self.bought = self.excluding = False
        self.unknown = 0
        self.pending.clear()

    def _first_item_unknown(self) -> bool:
        """Words that are not terms right after the cue: only a list may follow ("no
        speech, wake-word or …"); a term ("not *only* X") or a join ("no manual curation
        and X") means the cue negated something else."""
        return bool(self.unknown) and not (self.listing or self.reached)

    def term(self, index: int) -> None:
        if self._first_item_unknown():
            self.end()
            return
        if self.unknown or (self.listing and not self.joined):
            self.pending.append(index)
            return
        self._negate([*self.pending, index])
        self.reached = True

    def join(self, word: str) -> None:
        comma = word == ","
        if self.cue is None:
            self.ambiguous = False  # "… and has no X": a new predicate, its own negation
            return
        if (
            self._first_item_unknown()
            and not comma
            and word not in ("or", "nor")
            # ("excludes parental strains and X": both are its objects)
            and not (self.excluding and word == "and")
        ):
            self.end()  # "no manual curation and X": the cue negated something else …
            self.ambiguous = False  # … and what follows the join is a new predicate
            return
        if word == "and" and self.listing and not (self.reached or self.pending or self.unknown):
            # "does not include, and the licensor shall not deliver, X": the comma closed a
            # predicate with no object yet; what follows the join is a new one
            self.end()
            self.ambiguous = False
            return
        # ("no magnet material or X know-how": "or" shares the negation out over its items)
        if comma:
            self.listing = True
        else:
            self._negate(self.pending)
            self.joined = True
        self.unknown = 0

    def end(self) -> None:
        self.ambiguous = self.ambiguous or not self.reached
        self.start(0)
        self.cue = None

    def _negate(self, indexes: list[int]) -> None:
        assert self.cue is not None
        for i in indexes:
            self.clause.negate(i, self.cue, self.clause.spans[i][1])
        self.pending.clear()


# A list of items, then one negative predicate: "Our recommendation algorithm, user-profile
# models and source code are excluded from the licence", "The drones, flight-control
# software and route-planning algorithms remain with the seller".
_NEGATIVE_PREDICATE = (
    r"(?:is|are|was|were|will\s+be)\s+(?:(?:expressly\s+|explicitly\s+)?excluded|removed|"
    r"stripped\s+out|"
    r"not\s+(?:be\s+)?(?:part|included|involved|"
    r"transferred|licen[cs]ed|covered|provided|delivered|sold|produced|made|manufactured|used)|"
    r"(?:expressly\s+|explicitly\s+)?"
    r"(?:outside|beyond|carved\s+out)|licen[cs]ed\s+separately|(?:an?\s+)?third[\s-]party)"
    r"(?![a-z0-9])"
    r"|(?:(?:shall|will|must)\s+)?(?:remain|remains|stay|stays)\s+(?:exclusively\s+|solely\s+|only\s+)?"
    r"with\s+(?:the\s+)?(?:chinese\s+)?(?:seller|licensor|transferor|parent|group|us|our|"
    r"shareholder|party|side|company|owner)"
    r"(?![a-z0-9])"
    # kept at home: "X stays in China", "X and Y remain on our servers in Beijing"
    r"|(?:remain|remains|stay|stays|is\s+kept|are\s+kept)\s+(?:only\s+)?(?:in|within|on|at)\s+"
    r"(?:mainland\s+)?(?:(?:our|its)(?=\s)|the\s+parent|(?:china|the\s+prc|"
    # a province or city where a seller keeps what it does not hand over (one of _HOME_PLACES,
    # tested after the match: the names as an alternation cost ~2 ms to compile)
    r"(?P<place>inner\s+mongolia|xi['’]an|[a-z]+))(?![a-z]))"
    # somebody else's: "X and Y come from a third-party OEM", "… are by the MEP contractor"
    r"|(?:is|are)\s+(?:by|from)\s+(?:the\s+|an?\s+|our\s+)?(?:[a-z-]+\s+){0,2}?(?:contractor|"
    r"subcontractor|supplier|vendor|oem|customer|client|buyer|partner|licensee)s?(?![a-z0-9])"
    r"|(?:come|comes|came)\s+from\s+(?:an?\s+|the\s+)?(?:(?:third[\s-]party|outside|external|"
    r"other|separate)?\s*(?:suppliers?|vendors?|oems?|makers?|manufacturers?|partners?|"
    r"(?<=party\s)[a-z]+)"
    # ... or from a maker named by one word ("come from a US manufacturer")
    r"|[a-z-]+\s+(?:suppliers?|vendors?|oems?|makers?|manufacturers?))(?![a-z0-9])"
    # ... or are theirs
    r"|(?:is|are|was|were)\s+theirs(?![a-z0-9])"
    # ... or made or held by one: "LFP is made by another supplier", "the rare-earth-modified
    # alloys are held by a separate research institute"
    r"|(?:is|are)\s+(?:made|supplied|produced|sourced|manufactured|held|owned)\s+(?:by|from)\s+"
    r"(?:an?\s+|the\s+)?(?:another|other|third[\s-]party|outside|external|separate)\s+(?:[a-z-]+\s+)?"
    r"(?:suppliers?|vendors?|makers?|manufacturers?|compan(?:y|ies)|partners?|institutes?|"
    r"entit(?:y|ies)|affiliates?)(?![a-z0-9])"
    # ... or built by one, or the customer's: "The plant's solvent-extraction line was built by a
    # Japanese contractor", "The NdFeB sintering line itself is the customer's own"
    r"|(?:is|are|was|were)\s+(?:built|designed|installed|supplied|developed)\s+by\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z-]+\s+){0,2}?(?:contractors?|vendors?|suppliers?|licensors?)(?![a-z0-9])"
    r"|(?:is|are|remains?|stays?)\s+(?:the\s+)?(?:customer|client|buyer|owner|licensee|plant)['’]s\s+"
    r"(?:own|existing)(?![a-z0-9])"
)


_HOME_PLACES = frozenset(
    {
        *("anhui", "beijing", "chongqing", "fujian", "gansu", "guangdong", "guangxi", "guizhou"),
        *("hainan", "hebei", "heilongjiang", "henan", "hubei", "hunan", "jiangsu", "jiangxi"),
        *("jilin", "liaoning", "inner mongolia", "ningxia", "qinghai", "shaanxi", "shandong"),
        *("shanghai", "shanxi", "sichuan", "tianjin", "tibet", "xinjiang", "yunnan", "zhejiang"),
        *("shenzhen", "guangzhou", "hangzhou", "nanjing", "wuhan", "chengdu", "xi'an", "suzhou"),
        *("ningbo", "xiamen", "qingdao", "dalian", "hefei", "changsha", "kunming", "ganzhou"),
        *("baotou", "mianyang"),
    }
)


def negative_predicate(found: re.Match[str] | None) -> re.Match[str] | None:
    """``found`` (a match of _NEGATIVE_PREDICATE, or of a pattern holding it), unless the place
    it keeps something in is none of _HOME_PLACES ("stays in Lagos")."""
    if found is None:
        return None
    place = found.group("place")
    if place is None or " ".join(place.replace("’", "'").split()) in _HOME_PLACES:
        return found
    return None


_PREDICATE_START = frozenset({"is", "are", "was", "were", "will", "remain", "remains", "stay"})


_PREDICATE_START |= {"stays", "come", "comes", "came", "shall", "must"}


_LIST_SEPARATORS = _EN_JOIN | {","}  # the words between the items of a listed subject


# A past participle after a term opens a phrase that describes it and may run on for a few
# words before the predicate: "The LiDAR module *shown in the marketing demo* is not included".
# (A term inside the phrase is not the subject: "the X shown with the Y" says nothing of Y.)
_PARTICIPLES = frozenset(
    {"shown", "used", "described", "mentioned", "displayed", "demonstrated", "pictured"}
    | {"featured", "depicted", "referenced", "presented", "showcased", "installed", "mounted"}
)


_PHRASE_WORDS = 6  # words such a phrase may hold after its participle

# Prepositions that open such a phrase too: "the X engine of the app", "X lines at the Hefei
# site", "the X process in our plant".
_PLACE_PREPOSITIONS = frozenset({"of", "at", "in"})


_ITEM_TAIL = 2  # words after a term that end an item of a list with commas


_SINGULAR = frozenset({"is", "was", "remains", "stays", "comes"})


def _listed_subject(c: _Clause) -> None:  # noqa: PLR0912 - one pass, one state
    """The terms of a compact list that is the subject of a negative predicate. After a term
    only a separator, another term or a generic noun may follow ("X flies and its logs are
    excluded" is no list), except in a list with commas, whose items may end in two words
    of their own ("the X perception stack, X hardware designs and X firmware are outside");
    an item may hold three words that are not terms."""
    listed: list[int] = []
    words = 0  # words of the current item that are not terms
    after_term = False
    trailing = 0  # words after the item's term that are no generic noun
    headed = False  # ... and a generic noun closed them ("X ranging module")
    commas = False  # the list has a comma: its items are the words between
    loose = False  # an item ended in words of its own: the predicate must be plural
    phrase = 0  # words left of a participle phrase describing the list's last term
    located = False  # ... a phrase that a preposition opened
    for match in c.tokens:
        word = match.group()
        if phrase and located and word in _LIST_SEPARATORS:
            listed, phrase = [], 0  # "X flies at night and …": a verb's phrase, no list
        if phrase and word not in _PREDICATE_START:
            phrase -= 1
            if not phrase:
                listed = []  # a phrase too long to tell its end: no list
            continue
        if word[0] == _MASK:
            listed += [i for i in c.inside if match.start() <= c.spans[i][0] < match.end()]
            after_term, trailing, headed = True, 0, False
        elif word in _LIST_SEPARATORS:
            if trailing and not headed and word != "," and not commas:
                listed = []  # "X flies and …": a verb after the term, no list
            loose = loose or (trailing > 0 and not headed)
            commas = commas or word == ","
            words, after_term, trailing, headed = 0, False, 0, False
        elif word in _PREDICATE_START:
            if trailing and not headed and not commas:
                return  # "X ranges are …": the words after the term are its own phrase
            if loose and word in _SINGULAR:
                return  # "the X flies well, and the Y engine is …": one subject, not a list
            said = negative_predicate(
                compiled(_NEGATIVE_PREDICATE).match(c.masked, match.start(), c.end)
            )
            if listed and said is not None:
                for i in listed:
                    c.negate(i, c.spans[listed[0]][0], said.end())
            return  # the first predicate closes the subject, negative or not
        elif listed and (word in _PARTICIPLES or word in _PLACE_PREPOSITIONS):
            # "the X module shown in the demo …", "the X engine of the food-delivery app …",
            # "X lines at the Hefei site are …"
            phrase, after_term = _PHRASE_WORDS + 1, False
            # "X lines at the site": the words before a preposition name a thing
            located = word in _PLACE_PREPOSITIONS
            headed = headed or located
        elif after_term and not trailing and word in _EN_HEAD_AFTER_TERM:
            words += 1  # as a generic noun right after the term: "X grades are …"
        elif after_term and word not in _EN_CARRY:
            trailing, headed = trailing + 1, False  # "X flies …", or "X hardware designs, …"
            if trailing > _ITEM_TAIL:
                listed, words, after_term, trailing = [], 0, False, 0
        else:
            headed = headed or (after_term and trailing > 0)
            words += word not in _DETERMINERS  # "the voice-training recipes": three words
            if words > 3:
                listed, words, after_term = [], 0, False


# What a bracket of examples may hold besides its terms: "(e.g. LFP, LMFP)", "(LFP/LMFP)".
_EN_EXAMPLE_WORDS = frozenset({"e", "g", "eg", "i", "ie", "such", "as", "like", "or", "and"})
_EN_EXAMPLE_WORDS |= frozenset({"including", "incl", "namely", "/", ",", "&"})
_EN_BRACKET_MODIFIERS = 2  # words between a negation and its bracket: "no phosphate-based (…)"
_EN_BRACKET_REACH = 60  # characters of such a bracket
_EXAMPLES_LEAD = r"[(（]\s*(?:e\.\s?g|i\.\s?e)\.\s*\Z"
_EN_WORD = rf"[a-z]+(?:-[a-z]+)*(?:['’]t)?|{_MASK}+|[/,&]"  # "phosphate-based" is one word


def _en_bracket_examples(c: _Clause) -> None:
    """Terms in brackets inside an English negated phrase name examples of what it negates:
    "does not include any phosphate-based (LFP/LMFP) cathode technology", "no rare-earth
    (NdFeB, SmCo) magnets". The brackets must hold terms and listing words only, and at most
    _EN_BRACKET_MODIFIERS words of the phrase may stand between the negation and them.
    (``c`` is the clause in the brackets; a term before them is read by document's
    _negated_examples.)"""
    opening = c.begin
    if c.masked[opening : opening + 1] not in ("(", "（"):
        # "(e.g. X or Y)": the clause of the terms starts at the last dot of "e.g."
        found = compiled(_EXAMPLES_LEAD).search(c.masked, max(0, opening - 12), opening + 1)
        if found is None:
            return
        opening = found.start()
    close = _examples_close(c.masked, opening)
    cue = _negation_before(c.masked, opening) if close is not None else None
    if close is None or cue is None:
        return
    for i in c.inside:
        if c.spans[i][1] <= close:
            c.negate(i, cue, close + 1)


def _examples_close(masked: str, opening: int) -> int | None:
    """Where the brackets opening at ``opening`` (an opening bracket) close, if they hold
    examples: terms and listing words only."""
    close = compiled(r"[)）]").search(masked, opening, opening + _EN_BRACKET_REACH)
    if close is None:
        return None
    inner = [
        found.group() for found in compiled(_EN_WORD).finditer(masked, opening + 1, close.start())
    ]
    if not any(w[0] == _MASK for w in inner) or any(
        w[0] != _MASK and w not in _EN_EXAMPLE_WORDS for w in inner
    ):
        return None
    return close.start()


def _negation_before(masked: str, opening: int) -> int | None:
    """The start of an English negation whose phrase reaches ``opening`` in its clause, with
    no term and at most _EN_BRACKET_MODIFIERS other words between them."""
    before = list(compiled(_EN_WORD).finditer(masked, _clause_begin(masked, opening), opening))
    modifiers, carried = 0, False
    for at in range(len(before) - 1, -1, -1):
        word = before[at].group()
        if word in _EN_CUES:
            after = before[at + 1].group() if at + 1 < len(before) else ""
            # "not only phosphate-based (LFP) …" restricts, it negates nothing
            return None if after in _EN_RESTRICTING else before[at].start()
        if word[0] == _MASK:
            return None
        if word in _EN_CARRY or word in _EN_LEAD:
            carried = True
        elif carried or modifiers == _EN_BRACKET_MODIFIERS:
            # the modifiers stand right before the brackets: in "no doubt the (LFP) line",
            # "the" opens another phrase
            return None
        else:
            modifiers += 1
    return None
