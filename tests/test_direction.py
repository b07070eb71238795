"""A description with no destination that says the transfer is an import or stays within
China (exportcheck.direction): the declarations read, and the words that keep it an export."""

from __future__ import annotations

import pytest

from exportcheck.direction import held_outside_mainland, recipient_in_china, stays_in_china


@pytest.mark.parametrize(
    ("title", "summary", "words"),
    [
        ("从日本引进钕铁硼晶界扩散技术", "我司为被许可方，技术由日本流入中国。", "从日本引进"),
        (
            "",
            "我司拟从日本某磁材企业引进重稀土晶界扩散专利许可，用于宁波工厂。",
            "从日本某磁材企业引进",
        ),
        ("", "美方将其激光雷达技术授权予上海合资公司。技術流向：由美國進入中國。", "進入中國"),
        ("", "深圳总部把飞控源码转给成都子公司。两边都是境内公司。", "两边都是境内"),
        ("", "兩地均位於中國內地，不涉及境外人員。", "兩地均位於中國內地"),
        ("方言语音合成：广东银行项目（纯境内）", "部署在他们国内机房。", "纯境内"),
        ("", "被许可方为境内注册的内资企业，技术资料不出境。", "被许可方为境内"),
        ("", "本次受让方为境内企业，无外资股东。", "受让方为境内"),
        ("曹妃甸港区煤炭码头三期工程 EPC总承包（国内）", "", "（国内）"),
        ("", "业主为当地国有企业，项目在江西省境内实施。", "在江西省境内实施"),
        ("", "设计院和施工单位均为国内企业，无境外方参与。", "无境外方"),
        ("", "客户全部在境内，暂无出海计划。", "客户全部在境内"),
        ("磷酸铁锂工艺包省际授权（四川→湖北）", "", "省际"),
        ("", "我司将高压实工艺授权给湖北宜昌一家正极厂使用。", "授权给湖北"),
        ("引进美国固态激光雷达专利许可", "", "引进美国"),
        (
            "",
            "我司拟从美国某公司获得相关专利及技术秘密的许可，在国内工厂生产。",
            "从美国某公司获得相关专利及技术秘密的许可",
        ),
        (
            "",
            "向美国一家飞控软件公司采购其商用自驾仪软件授权（含源代码）。",
            "向美国一家飞控软件公司采购其商用自驾仪软件授权",
        ),
        # nothing of ours goes abroad, said with the words of a transfer abroad negated
        ("", "技术由日方提供给委托人，委托人不向境外提供任何技术资料。", "不向境外提供"),
        # a deal called off with nothing handed over
        (
            "",
            "公司研究后决定不合作，已回函拒绝，\n未提供任何资料。",
            "决定不合作，已回函拒绝，\n未提供任何",
        ),
        ("Licence-in of a plant-cell fermentation process from the US", "", "licence-in"),
        ("", "我们是被许可方，美方授权我们在中国境内的App中使用其英文TTS音色。", "我们是被许可方"),
        ("", "本合同只针对普洱本地基地，菌种和栽培技术不得带出境。", "不得带出境"),
        ("", "美国教授拟将其专利许可给国内高校，请审核引进合同。", "许可给国内"),
        ("", "国内项目，不涉及向境外提供。", "不涉及向境外提供"),
        ("紫杉醇半合成工艺技术转让合同（云南—江苏）", "", "（云南—江苏）"),
        ("", "转让方：昆明××生物；受让方：江苏泰州××药业", "受让方：江苏"),
        ("", "标的：核黄素菌种及发酵工艺；技术在山东工厂实施。", "在山东工厂实施"),
        ("", "内部自查\n对方是否境外：否\n代码是否会出境：否", "是否境外：否"),
        ("", "整体转让给成都某科技有限公司（境内企业，非外资）", "（境内企业，"),
        (
            "",
            "Six neural voices licensed to a Hangzhou firm for use in mainland China.",
            "for use in mainland china",
        ),
        (
            "",
            "All documents stay on the JV's servers in China; overseas staff have no access.",
            "stay on the jv's servers in china",
        ),
        (
            "",
            "Its design files go to our Suzhou R&D centre to industrialise in China.",
            "to industrialise in china",
        ),
        (
            "",
            "许可给一家中德合资企业（在苏州注册的中国法人），技术人员均在境内。",
            "注册的中国法人",
        ),
        ("", "合同约定技术资料仅存放于苏州工厂境内。", "技术资料仅存放于苏州工厂境内"),
        (
            "",
            "Payment flows out of China; no technology of ours goes to the US party.",
            "no technology of ours goes",
        ),
        (  # a line break inside an English clause wraps it: the payment still goes
            "",
            "Tech transfer to our plant. Payment\nflows out of China; no technology of ours goes.",
            "no technology of ours goes",
        ),
        ("", "Inbound licence of a Japanese coating technology to us.", "inbound licence"),
        (
            "",
            "Both parties are in mainland China; the code stays on our servers.",
            "both parties are in mainland china",
        ),
    ],
)
def test_an_import_or_a_transfer_within_china_is_read(title: str, summary: str, words: str) -> None:
    found = stays_in_china({"title": title, "summary": summary})
    assert found is not None
    field, start, end = found
    text = {"title": title, "summary": summary}[field]
    assert text[start:end].lower() == words


@pytest.mark.parametrize(
    "summary",
    [
        # no declaration: a destination-less text says nothing of where the technology goes
        "We license the speech-synthesis engine and its training code.",
        "引进消化吸收再创新",  # no "from": an ordinary phrase of industrial policy
        # a declaration beside a transfer abroad: the findings still decide
        "我司从德国引进生产线，改进后的工艺拟许可给越南公司，出口至越南。",
        "Imported into China in 2015; the improved process is now licensed to an overseas plant.",
        "技术由日本流入中国，我司再向境外客户提供工艺包。",
        "Both parties are Chinese, and the design goes to their foreign subsidiary in Spain.",
        # a negation in another clause, or one that is no negation ("不断"), discounts nothing
        "项目在国内完成设计，不收取费用，图纸出口至越南。",
        "技术由日本流入中国，公司不断向海外客户许可技术。",
        "向境外采购设备，同时向境外客户许可工艺。",
        "技术由日本流入中国。我们不提供源代码\n向境外客户提供工艺包。",  # a line ends the clause
        "项目在香港境内实施，设计院提供工艺包。",  # Hong Kong is outside for the 条例
    ],
)
def test_no_declaration_or_a_transfer_abroad_keeps_it_an_export(summary: str) -> None:
    assert stays_in_china({"title": "A technology", "summary": summary}) is None


@pytest.mark.parametrize(
    ("summary", "words"),
    [
        ("技术由境外许可给境内使用，我方不向对方提供任何工艺资料。", "由境外许可给境内"),
        ("合同按技术进口合同办理登记。", "技术进口合同"),
        ("对方向我方许可专利和技术秘密，我方支付许可费。", "对方向我方许可"),
        (
            "拟从日本某公司引进钕铁硼废料回收技术，在我国赣州工厂实施。",
            "从日本某公司引进钕铁硼废料回收技术，在我国",
        ),
        ("对方提供接入文档和技术支持，我方不向对方提供任何技术。", "我方不向对方提供任何技术"),
        ("In-licensing of a US sorbent design for our Qinghai brine plant.", "in-licensing"),
        (
            "经研究决定不进行该项合作，已通知对方终止谈判，未提供任何技术资料。",
            "不进行该项合作，已通知对方终止谈判，未提供任何",
        ),
        (
            "We plan to take a licence from a US start-up for its column design.",
            "take a licence from",
        ),
        (
            "The target licenses its LiDAR designs to the buyer. Here technology flows into China.",
            "technology flows into china",
        ),
        (
            "Everything is designed and coded here in Berlin. Nothing comes from China: no code.",
            "nothing comes from china",
        ),
    ],
)
def test_an_import_said_from_the_chinese_side_turns_a_foreign_destination(
    summary: str, words: str
) -> None:
    """A profile whose destination is the foreign party's country, on an import."""
    found = stays_in_china({"title": "", "summary": summary}, foreign=True)
    assert found is not None
    _, start, end = found
    assert summary[start:end].lower() == words


@pytest.mark.parametrize(
    "summary",
    [
        # words whose direction turns with the writer: a foreign buyer's 引进 is our export
        "乌兹别克斯坦客户拟从我所引进家蚕品种及繁育技术。",
        "乌方拟从我所引进家蚕繁育技术，在塔什干实施。",
        "我方向对方许可磁体制备专利。",
        "技術引進案：台灣廠商向大陸公司取得製程授權。",
        "The buyer will handle the technology import formalities in Vietnam.",
        # an import beside a transfer abroad
        "In-licensing of their coating patent; our process goes to the foreign partner.",
    ],
)
def test_a_foreign_destination_stands_without_such_words(summary: str) -> None:
    assert stays_in_china({"title": "", "summary": summary}, foreign=True) is None


def test_a_transfer_onward_keeps_an_import_an_export() -> None:
    """Licensed on or back: "sublicense", "grant-back", 再许可, 回授."""
    for summary in (
        "We in-license LiDAR technology and sublicense the design.",
        "In-licensing of the coating patent with a grant-back of our improvements.",
        "技术由境外许可给境内使用，改进技术回授许可方。",
    ):
        assert stays_in_china({"title": "", "summary": summary}, foreign=True) is None


@pytest.mark.parametrize(
    ("recipient", "words"),
    [
        ("远航汽车（被许可方，境内）", "（被许可方，境内）"),
        ("某中央企业下属稀土集团（境内）", "（境内）"),
        ("Qinghai lithium carbonate producer (licensee, China)", "(licensee, China)"),
        ("国内人民币基金（投资方）", "国内"),
        ("Chinese university (licensee)", "Chinese"),
        ("Hangzhou e-commerce platform company", "Hangzhou"),
        ("Inner Mongolia rare-earth group", "Inner Mongolia"),
    ],
)
def test_a_recipient_marked_as_in_china_is_read(recipient: str, words: str) -> None:
    found = recipient_in_china(recipient, {"title": "", "summary": "A licence of our process."})
    assert found is not None
    assert recipient[found[0] : found[1]] == words


@pytest.mark.parametrize(
    ("recipient", "summary"),
    [
        ("Acme GmbH (Germany)", "A licence of our process."),
        ("深圳某公司（境内）", "该公司再将工艺包许可给越南工厂，出口至越南。"),  # it goes on abroad
        ("Chinatown Foods LLC", "A licence of our recipe."),
        ("Lagos Foods Ltd", "A licence of our recipe."),
        ("Acme Holdings (Hong Kong, China)", "A licence of our recipe."),
    ],
)
def test_a_recipient_abroad_or_a_transfer_abroad_is_not_read_as_domestic(
    recipient: str, summary: str
) -> None:
    assert recipient_in_china(recipient, {"title": "", "summary": summary}) is None


@pytest.mark.parametrize(
    ("summary", "words"),
    [
        (
            "研發、原始碼及伺服器均在台灣，不涉及任何中國大陸公司、人員或技術。授權美國承包商。",
            "不涉及任何中國大陸公司",
        ),
        (
            "全部代碼及伺服器均位於香港，從未在中國內地開發或存放。授權新加坡。",
            "從未在中國內地開發",
        ),
        ("技術、專利及研發團隊均在台灣，交易不經中國大陸。", "交易不經中國大陸"),
        ("研發與生產皆在台灣，未曾移轉至或取自中國大陸。", "未曾移轉至或取自中國大陸"),
        (
            "Developed in Hsinchu; no mainland China company or staff is involved. Licensed to US.",
            "no mainland china company",
        ),
        (
            "The code was never developed or stored in mainland China.",
            "never developed or stored in mainland china",
        ),
    ],
)
def test_technology_held_outside_the_mainland_is_read(summary: str, words: str) -> None:
    found = held_outside_mainland({"title": "", "summary": summary})
    assert found is not None
    field, start, end = found
    assert field == "summary"
    assert summary.lower()[start:end] == words


@pytest.mark.parametrize(
    "summary",
    [
        "香港子公司把飞控源码授权给美国客户。",  # a place alone says nothing of the mainland's part
        "技術由內地轉移至香港，再授權新加坡，不涉及中國大陸以外的第三方。",  # from the mainland
        "大陸方提供工藝包，台灣方生產，不涉及中國大陸人員常駐。",  # the mainland hands it over
        "Licensed from the mainland parent; no mainland China staff go abroad.",
        "不涉及中国大陆以外的任何公司。",  # 以外: everything is in the mainland
    ],
)
def test_a_mainland_part_or_a_place_alone_is_not_read_as_outside(summary: str) -> None:
    assert held_outside_mainland({"title": "", "summary": summary}) is None
