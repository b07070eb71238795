"""Text normalisation and term finding."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportcheck.kb import KnowledgeBase
from exportcheck.textnorm import Normalizer

from strategies import TEXT_ALPHABET, texts

normalize = Normalizer()


def test_ascii_is_lowered() -> None:
    assert normalize("Personalised Recommendations").text == "personalised recommendations"


def test_british_and_american_spellings_find_the_same_terms(kb: KnowledgeBase) -> None:
    def caps(text: str) -> set[str]:
        return {c for hit in kb.term_index.find(text) for c in hit.capabilities}

    british, american = caps("personalised recommendations"), caps("Personalized recommendation")
    assert british
    assert british == american


def test_traditional_and_taiwan_phrasing_become_simplified() -> None:
    def forms(text: str) -> set[str]:
        return {v.text for v in normalize.variants(text)}

    assert normalize("个人化推荐算法").text in forms("個人化推薦演算法")
    assert any("信息" in form for form in forms("資訊推送"))
    assert "人工智能交互界面技术" in forms("人工智慧互動介面技術")
    # The faithful character conversion is kept too: 影像 is also a mainland word.
    assert forms("醫學影像設備") == {"医学影像设备", "医学图像设备"}
    # Text without Traditional characters is Simplified text: 智慧城市 stays as written there.
    assert normalize("智慧城市").text == "智慧城市"


def test_japanese_kanji_are_read_as_chinese_characters(kb: KnowledgeBase) -> None:
    """A Japanese memo (text with kana) has its kanji read as Traditional, then Simplified,
    characters: 発音評価 meets 发音评价, and the span maps back to the Japanese words."""
    text = "英語の発音評価エンジンを東京本社へ移管する"
    assert any("发音评价" in form.text for form in normalize.variants(text))
    hits = [hit for hit in kb.term_index.find(text) if "speech.evaluation" in hit.capabilities]
    assert hits
    assert text[hits[0].start : hits[0].end] == "発音評価"
    # Chinese with the katakana middle dot between foreign names is not Japanese: 智慧 stays.
    assert normalize("史蒂夫・乔布斯的智慧城市").text == "史蒂夫・乔布斯的智慧城市"


def test_full_width_and_half_width_agree() -> None:
    assert normalize("ＦＯＲ　ＹＯＵ").text == "for you"


def test_offsets_map_back_when_length_changes() -> None:
    text = "ﬁne 推荐算法"  # the ligature expands to two characters
    result = normalize(text)
    start = result.text.index("推荐")
    o_start, o_end = result.original_span(start, start + 4)
    assert text[o_start:o_end] == "推荐算法"


@given(texts)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(texts)
def test_spans_always_fall_inside_the_original(text: str) -> None:
    result = normalize(text)
    for i in range(len(result.text)):
        start, end = result.original_span(i, i + 1)
        assert 0 <= start < end <= len(text)


def test_term_index_finds_nested_terms(kb: KnowledgeBase) -> None:
    hits = kb.term_index.find("我们的个性化推荐算法基于用户画像。")
    found = {h.term for h in hits}
    assert len(found) >= 2
    for hit in hits:
        assert hit.end > hit.start


def test_generic_words_indicate_nothing(kb: KnowledgeBase) -> None:
    text = (
        "Our AI platform uses an algorithm, a model and data in a system with machine "
        "learning. 我们的人工智能平台使用算法、模型和数据。"
    )
    assert kb.term_index.find(text) == []


def test_wrapped_terms_are_still_found(kb: KnowledgeBase) -> None:
    for text in (
        "a personalized recommender\n   system for videos",
        "短视频推荐\n算法",
        "推荐 算法",
    ):
        hits = kb.term_index.find(text)
        assert hits, text
        for hit in hits:
            assert text[hit.start : hit.end].split()  # the span covers the words as written


def test_a_space_between_chinese_and_a_latin_word_does_not_split_a_term(
    kb: KnowledgeBase,
) -> None:
    """Many writers set Latin words off from Chinese with spaces; the vocabulary does not.
    The index holds such terms both ways, so the normaliser can leave the text alone."""
    for spaced, tight in (
        ("信息流 CTR 预估", "CTR预估"),
        ("CTR\n预估", "CTR预估"),
        ("CTR  预估", "CTR预估"),
        ("AI 数字人 直播", "AI数字人"),
    ):
        (hit,) = [h for h in kb.term_index.find(spaced) if h.term == tight]
        covered = spaced[hit.start : hit.end]  # the words as written, space included
        assert covered.startswith(tight[:2]), covered
        assert covered.endswith(tight[-2:]), covered
    assert Normalizer()("CTR 预估 and more").text == "ctr 预估 and more"


def test_a_term_inside_a_longer_term_gives_way(kb: KnowledgeBase) -> None:
    hits = kb.term_index.find("lithium iron phosphate synthesis line")
    caps = {cap for hit in hits for cap in hit.capabilities}
    assert not caps & {
        "cathode.phosphate-precursor-preparation",
        "cathode.phosphate-precursor-material",
    }
    assert caps


def test_process_terms_match_in_both_word_orders(kb: KnowledgeBase) -> None:
    def caps(text: str) -> set[str]:
        return {c for hit in kb.term_index.find(text) for c in hit.capabilities}

    assert caps("caffeine synthesis") == caps("the chemical synthesis of caffeine")
    assert caps("the chemical synthesis of caffeine")
    assert caps("Click-through-rate prediction") == caps("click-through rate prediction")


_TAIWAN_TEXT = st.text(
    alphabet="演算法資訊軟體硬體網路記憶體影像滑鼠使用者個人化推薦 ，。a-ﬁ①\n", max_size=40
)


@given(_TAIWAN_TEXT)
def test_phrase_conversion_maps_back_in_order_and_inside(text: str) -> None:
    """Taiwan phrasing changes the length (演算法 -> 算法); every character of each searched
    form still maps into the original text, in order."""
    for form in normalize.variants(text):
        previous = 0
        for i in range(len(form.text)):
            start, end = form.original_span(i, i + 1)
            assert 0 <= start < end <= len(text)
            assert start >= previous
            previous = start


_PLAIN_WORDS = st.sampled_from(["the service", "系统采用微服务架构", "支持弹性扩容", "API", "数据"])


@given(
    st.lists(_PLAIN_WORDS, max_size=6),
    _TAIWAN_TEXT,
    st.lists(_PLAIN_WORDS, max_size=6),
)
def test_text_around_a_converted_stretch_maps_to_itself(
    before: list[str], middle: str, after: list[str]
) -> None:
    """Only the stretch that conversion changes is re-aligned: words before and after it are
    the same in every searched form and map back to themselves, character for character."""
    head, tail = "。".join(before) + "。", "。" + "。".join(after)
    text = head + middle + tail
    for form in normalize.variants(text):
        assert form.text.startswith(normalize(head).text)
        assert form.text.endswith(normalize(tail).text)
        for i in range(len(head)):
            assert form.original_span(i, i + 1) == (i, i + 1)
        for k in range(1, len(tail) + 1):
            i = len(form.text) - k
            assert form.original_span(i, i + 1) == (len(text) - k, len(text) - k + 1)


def test_each_changed_segment_of_a_stretch_maps_to_its_own_words() -> None:
    text = "系统架构。使用者 資料，演算法。微服务"
    taiwan = normalize.variants(text)[1]
    for word, original in (("算法", "演算法"), ("微服务", "微服务"), ("系统架构", "系统架构")):
        i = taiwan.text.index(word)
        start, end = taiwan.original_span(i, i + len(word))
        assert text[start:end] == original


def test_a_converted_phrase_maps_back_to_the_whole_original_phrase() -> None:
    """Within a segment (text between punctuation or spaces) whose length changed, the
    characters are spread over the original segment: a phrase alone in its segment maps back
    exactly, and a span over the whole segment covers the whole original segment."""
    text = "演算法，資訊 使用者。使用者資訊"
    taiwan = normalize.variants(text)[1]
    assert taiwan.text == "算法,信息用户。用户信息"  # the space between CJK words is a wrap
    for phrase, original in (("算法", "演算法"), ("信息", "資訊"), ("用户", "使用者")):
        i = taiwan.text.index(phrase)
        start, end = taiwan.original_span(i, i + len(phrase))
        assert text[start:end] == original
    i = taiwan.text.index("用户信息")
    start, end = taiwan.original_span(i, i + 4)
    assert text[start:end] == "使用者資訊"


def test_small_scan_and_automaton_find_the_same_hits(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first texts of a process are scanned by dispatch tables instead of the automaton
    (start-up): both must find exactly the same terms at the same places, English word
    boundaries, terms inside words, mixed-script and one-character terms included."""
    from exportcheck import termindex

    keys = sorted(kb.term_index._keys)  # every indexed form, not only the vocabulary's terms
    pieces = st.one_of(
        st.sampled_from(keys),
        st.sampled_from(keys).map(lambda k: k[: len(k) // 2]),
        st.sampled_from(keys).map(lambda k: k[len(k) // 2 :]),
        st.text(alphabet=TEXT_ALPHABET, max_size=6),
    )
    small, automaton = copy.deepcopy(kb.term_index), copy.deepcopy(kb.term_index)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=12), st.sampled_from(["", " ", "x", "的", "\n"]))
    def agree(parts: list[str], glue: str) -> None:
        text = glue.join(parts)
        monkeypatch.setattr(termindex, "_SMALL_SCAN_BUDGET", 10**9)
        by_tables = small.find(text)
        monkeypatch.setattr(termindex, "_SMALL_SCAN_BUDGET", 0)
        by_automaton = automaton.find(text)
        assert small._matcher is None
        assert automaton._matcher is not None or not text
        assert by_tables == by_automaton

    agree()


def test_translate_and_regex_folding_agree(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first texts of a process are folded by str.translate, later ones by compiled
    classes (start-up again): the normal forms and their maps back must not differ."""
    from exportcheck import textnorm

    @settings(max_examples=300, deadline=None)
    @given(texts)
    def agree(text: str) -> None:
        early, late = copy.deepcopy(kb.normalizer), copy.deepcopy(kb.normalizer)
        monkeypatch.setattr(textnorm, "_TRANSLATE_BUDGET", 10**9)
        by_translate = early.variants(text)
        monkeypatch.setattr(textnorm, "_TRANSLATE_BUDGET", 0)
        by_regex = late.variants(text)
        assert early._fold_res is None
        assert by_translate == by_regex

    agree()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab 推荐算法。，\n\t", "\u3000"]), max_size=40) | texts)
def test_the_line_break_shortcut_squeezes_as_the_general_path(text: str) -> None:
    """Text with only single spaces and line breaks skips the general whitespace scan;
    the normal form and the map back of every character must not differ."""
    from exportcheck import textnorm

    folded = normalize._fold(text)
    quick = textnorm._squeeze(folded)
    general = textnorm._collapse(folded, folded.text, textnorm._GAP.finditer(folded.text))
    assert quick.text == general.text
    spans = range(len(quick.text))
    assert [quick.original_span(i, i + 1) for i in spans] == [
        general.original_span(i, i + 1) for i in spans
    ]


def test_the_shortcut_knows_every_space_folding_leaves() -> None:
    import sys
    import unicodedata

    from exportcheck import textnorm

    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    left = {c for c in spaces if unicodedata.normalize("NFKC", c) != " "} - {"\n"}
    assert set(textnorm._RARE_SPACES) == left


def test_words_after_a_shortened_phrase_keep_their_own_span() -> None:
    """演算法 -> 算法 shortens the segment by one character; the words after it must still
    map to themselves (用戶畫像 at 5-9), not one character to the left."""
    text = "推薦演算法用戶畫像"
    taiwan = normalize.variants(text)[1]
    assert taiwan.text == "推荐算法用户画像"
    for word, original in (("用户画像", "用戶畫像"), ("推荐算法", "推薦演算法"), ("画像", "畫像")):
        i = taiwan.text.index(word)
        start, end = taiwan.original_span(i, i + len(word))
        assert text[start:end] == original


def test_invisible_characters_inside_a_word_do_not_hide_a_term(kb: KnowledgeBase) -> None:
    """A soft hyphen or zero-width space pasted from Word or a PDF sits inside the word; the
    term is still found, and its span covers the original characters."""
    for text, term in (
        ("我们的推荐\u200b算法", "推荐算法"),
        ("a recommen\u00addation engine", "recommendation engine"),
        ("用户\u2060画像", "用户画像"),
    ):
        hits = [h for h in kb.term_index.find(text) if h.term == term]
        assert hits, text
        span = text[hits[0].start : hits[0].end]
        assert "".join(c for c in span if c not in "\u200b\u00ad\u2060") == term


_EXPANDING_SAMPLES = "ﬁ…①㎏½\u00ad\u200b™ǅİ"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from([*"aΣς-Ab 推荐算法，Ｆ\n", *_EXPANDING_SAMPLES]), max_size=12
        ),
        max_size=6,
    )
)
def test_an_expanding_character_folds_alone_and_maps_back_to_itself(parts: list[str]) -> None:
    """Text with characters that expand or vanish under folding is folded stretch by stretch:
    the result is the fold of each character in turn, and every normalised character maps
    back to the one original character whose fold holds it."""
    text = "".join(parts)
    folded = normalize._fold(text)
    alone = [normalize._fold(ch).text for ch in text]
    assert folded.text == "".join(alone)
    at = 0
    for index, piece in enumerate(alone):
        for k in range(len(piece)):
            assert folded.original_span(at + k, at + k + 1) == (index, index + 1)
        at += len(piece)


def test_quotation_marks_inside_a_name_do_not_hide_a_term(kb: KnowledgeBase) -> None:
    """A writer quotes part of a name ("the 'For You' feed", “个性化”推荐): the marks read
    as spaces, so the term is found, and its span starts and ends on the name's own words."""
    for text, term, quoted in (
        ("Sharing the 'For You' feed code", "for you feed", "For You' feed"),
        ('the "For You" feed', "for you feed", 'For You" feed'),
        ("the ‘For You’ feed", "for you feed", "For You’ feed"),
        ("我们的“个性化”推荐功能", "个性化推荐", "个性化”推荐"),
        ("我們的「個人化」推薦", "个人化推荐", "個人化」推薦"),
    ):
        hits = [h for h in kb.term_index.find(text) if h.term == term]
        assert hits, text
        assert text[hits[0].start : hits[0].end] == quoted


def test_an_apostrophe_reads_the_same_straight_or_curly() -> None:
    assert normalize("the user’s interests").text == normalize("the user's interests").text
    assert normalize("the user's interests").text == "the user s interests"


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        # the precursor term overlaps the LFP/LMFP name from the left or the right: LFP only
        (
            "储能电池用磷酸铁锂正极粉体",
            "cathode.lfp-cathode",
            "cathode.phosphate-precursor-material",
        ),
        (
            "preparation of lithium manganese iron phosphate for batteries",
            "cathode.lmfp-material",
            "cathode.phosphate-precursor-material",
        ),
        # on its own the precursor term names the precursor
        (
            "电池用磷酸铁前驱体的合成",
            "cathode.phosphate-precursor-material",
            "cathode.lfp-material",
        ),
    ],
)
def test_a_term_that_yields_to_an_overlapping_name_is_part_of_it(
    kb: KnowledgeBase, text: str, found: str, not_found: str
) -> None:
    caps = {c for hit in kb.term_index.find(text) for c in hit.capabilities}
    assert found in caps
    assert not_found not in caps


def test_only_hits_that_yield_are_dropped() -> None:
    from exportcheck.termindex import TermHit, _without_yielding

    lfp = TermHit(("lfp",), "磷酸铁锂", 5, 9)
    precursor = TermHit(("precursor",), "电池用磷酸铁", 2, 8)
    both = TermHit(("precursor", "other"), "电池用磷酸铁", 2, 8)
    apart = TermHit(("precursor",), "电池用磷酸铁", 20, 26)
    yields = {"precursor": frozenset({"lfp"})}
    assert _without_yielding([precursor, lfp], yields) == [lfp]
    # a hit that also names a capability of its own counts; one that overlaps nothing counts
    assert _without_yielding([both, lfp], yields) == [both, lfp]
    assert _without_yielding([lfp, apart], yields) == [lfp, apart]
