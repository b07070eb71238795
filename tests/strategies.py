"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from exportcheck.kb import KnowledgeBase

# Characters that exercise normalisation: ASCII, full-width forms, Simplified and Traditional
# Chinese, ligatures and other compatibility characters.
TEXT_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCXYZ 0123456789-.,;:!?()\n")
    + list("ＡＢＣａｂｃ０１２")
    + list("推荐算法个性化信息数据用户画像语音合成无人机飞控锂电池")
    + list("推薦演算法個資訊數據使用者畫像語音無人機飛控鋰電池")
    + ["ﬁ", "①", "㎏", "Ⅻ", "ß", "İ", "\u3000", "，", "。"]
    + ["\u00ad", "\u200b", "\u2060"]  # invisible characters pasted inside words
)

texts = st.text(alphabet=TEXT_ALPHABET, max_size=200)


def vocabulary_phrases(kb: KnowledgeBase) -> st.SearchStrategy[str]:
    terms = sorted(
        {t for c in kb.vocabulary.capabilities.values() for t in c.terms_zh + c.terms_en}
    )
    return st.sampled_from(terms)


def profiles(kb: KnowledgeBase) -> st.SearchStrategy[dict[str, Any]]:
    """Valid format-1 profiles built from the bundled vocabulary."""
    caps = sorted(kb.vocabulary.capabilities)
    params = sorted(kb.vocabulary.parameters.values(), key=lambda p: p.id)
    parameter = st.sampled_from(params).flatmap(
        lambda p: st.fixed_dictionaries(
            {
                "name": st.just(p.id),
                # Within what the quantity can be (the vocabulary's minimum/maximum).
                "value": st.floats(
                    min_value=p.minimum if p.minimum is not None else 0,
                    max_value=p.maximum if p.maximum is not None else 1e4,
                    allow_nan=False,
                ),
                "unit": st.just(p.unit),
            }
        )
    )
    summary = st.lists(st.one_of(vocabulary_phrases(kb), texts), max_size=6).map(" ".join)
    return st.fixed_dictionaries(
        {
            "profile": st.just(1),
            "id": st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True),
            "title": st.one_of(vocabulary_phrases(kb), st.just("A technology")),
        },
        optional={
            "summary": summary,
            "capabilities": st.lists(st.sampled_from(caps), unique=True, max_size=4),
            "parameters": st.lists(parameter, max_size=3, unique_by=lambda p: p["name"]),
        },
    )
