"""Fixtures of the headline tests: hand-written news articles, tokenized by the real engine."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from summarizer import Engine
from summarizer.document import Document

# Hand-written articles in the style of the wire and the papers (not from the dev sets): each opens
# with a dateline or a time phrase, the way real news does.
ARTICLES: dict[str, str] = {
    "agency_dateline": (
        "据新华社金边1月30日电 （记者王明、李华）第五届中柬文化交流周30日在柬埔寨首都金边开幕。"
        "柬埔寨文化部长和中国驻柬埔寨大使共同出席开幕式并致辞。"
        "交流周期间，两国艺术家将联袂献上十多场文艺演出，并举办非遗展览和美食节。"
        "主办方表示，交流周将促进两国民心相通，推动文化和旅游合作。"
    ),
    "paper_dateline": (
        "本报北京1月31日电（记者张三）国家林业和草原局31日发布消息，去年全国完成造林面积超过七千万亩。"
        "其中，三北工程区完成造林两千多万亩，防沙治沙成效明显。"
        "国家林业和草原局有关负责人介绍，今年将继续推进大规模国土绿化行动。"
    ),
    "local_news": (
        "本报讯 近日，江南市举办首届智慧农业博览会，吸引了来自全国各地的两百多家企业参展。"
        "博览会展示了无人机植保、智能温室和农产品溯源等新技术。"
        "市农业农村局负责人表示，智慧农业正在改变传统的种植方式，帮助农民节本增效。"
        "据介绍，今年全市将新建智能温室五百亩，推广无人机植保面积超过十万亩。"
    ),
    "business": (
        "新浪财经讯 8月18日消息，东方水泥将以招股价上限1.69元定价，集资13.91亿元，公开发售超额认购约136倍。"
        "东方水泥的一手中签率为80%，该股将于下周一挂牌。"
        "分析人士认为，认购反应理想，显示投资者看好西部地区基建需求。"
    ),
    "sports": (
        "昨天晚上，北京队在客场以3比2险胜上海队，与天津队一起率先拿到总决赛赛点。"
        "比赛中，北京队主攻手多次关键得分，帮助球队逆转取胜。"
        "天津队则以3比0战胜江苏队，延续了本赛季的不败纪录。"
        "两支球队将在下周分别主场迎战对手，争夺总决赛门票。"
    ),
    "time_first": (
        "今年以来，青山县大力发展乡村旅游，全县接待游客超过三百万人次，旅游收入同比增长两成。"
        "青山县把闲置农房改造成民宿，带动两千多户农民增收。"
        "县文化和旅游局局长李四说，下一步将打造更多精品线路。"
    ),
}


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def document_of(engine: Engine) -> Callable[[str], Document]:
    return engine.document
