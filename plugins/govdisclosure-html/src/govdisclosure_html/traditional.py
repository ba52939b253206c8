"""Traditional characters read as their simplified forms, for matching only.

Some pages print a report in traditional characters: a portal's 繁體 version
of its pages, and copies of reports kept on other sites ("規範性文件",
"本年收費金額（單位：萬元）", "屬於國家秘密").  The table definitions are in
simplified characters, so such a page's labels matched nothing and none of
its figures was placed.  :func:`simplified` maps the traditional forms of the
characters the formats' labels, headings and units use (and of the common
words of a report's title and sections) to their simplified forms, for the
matching keys only: the text as printed stays untouched in the provenance.

Only characters that are traditional forms alone are mapped (萬, 規, 處 …);
a character both scripts write alike (公, 开's 開 is mapped, 开 is not) or
one simplified text uses as itself (著, 乾, 台) is left as it is, so a page
in simplified characters reads the same before and after.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["mainland_words", "simplified", "without_readings"]

#: Pairs of a traditional form and its simplified form.
_PAIRS: Final = (
    "萬万業业為为舉举於于會会體体關关內内決决況况減减辦办務务動动區区單单發发"
    "後后國国處处復复複复審审對对屬属廢废開开強强當当總总執执護护報报據据數数"
    "無无機机權权條条構构沒没現现確确穩稳類类係系繫系糾纠納纳組组織织經经結结"
    "繼继續续維维繳缴罰罚範范獲获補补規规計计認认議议許许訟讼訪访訴诉詢询請请"
    "購购費费轉转過过這这進进問问項项題题額额製制採采與与應应設设門门網网統统"
    "際际實实說说視视產产傳传電电時时間间們们個个東东鄉乡鎮镇縣县員员編编覽览"
    "號号廳厅衛卫醫医療疗藥药價价環环資资廣广聯联農农圖图書书館馆檔档歸归紀纪"
    "錄录稅税財财預预義义勞劳獎奖險险隊队黨党團团選选監监證证諮咨檢检驗验測测"
    "試试標标準准級级樣样匯汇彙汇並并兩两錯错誤误見见則则細细節节專专職职責责"
    "負负導导領领頁页層层響响頒颁佈布訂订僅仅歷历變变邊边達达遞递還还運运遠远"
    "適适連连週周隨随雙双難难離离靈灵風风養养點点華华協协參参啟启嚴严壓压場场"
    "將将帶带幫帮張张徵征從从憑凭懷怀戰战擔担擇择擴扩斷断舊旧暫暂極极樂乐樓楼"
    "殘残氣气漢汉濟济滅灭熱热營营爭争狀状獨独畝亩畫画盡尽積积競竞簡简籌筹約约"
    "紙纸紹绍終终絕绝給给綜综線线緊紧練练績绩習习聞闻聲声聽听臨临興兴艱艰虛虚"
    "裝装親亲覺觉觀观訊讯記记講讲評评話话誠诚該该詳详語语調调談谈論论識识讀读"
    "讓让豐丰貢贡貨货貸贷賠赔質质贊赞較较輕轻輔辅輸输郵邮釋释針针長长閉闭閒闲"
    "闡阐靜静順顺須须頻频顧顾顯显麗丽齊齐災灾銀银錢钱幣币貿贸懲惩軍军驟骤龍龙"
    "鄭郑劃划創创勵励勢势廠厂雖虽壞坏塊块夠够婦妇學学寧宁寶宝尋寻島岛彈弹徑径"
)
_TABLE: Final = str.maketrans(dict(zip(_PAIRS[::2], _PAIRS[1::2], strict=True)))


#: A reading in brackets after a Chinese character, as some copy sites'
#: converters write it ("本年制發(fā)件數(shù)", "規(guī)章"): one syllable of pinyin
#: with its tone mark, in half-width brackets (full-width ones are made half
#: width by NFKC before this is asked).  The tone mark is required, so a
#: bracket of Latin letters that is no reading ("(a)") is left alone.  A line
#: may break (or a space stand) between the character and its reading: a
#: narrow cell prints 對外公開總數⏎(shù)量.
_READING: Final = re.compile(
    r"(?<=[\u3400-\u9fff])\s*\("
    r"[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5}"
    r"\)"
)


def without_readings(text: str) -> str:
    """``text`` with the readings a converter put after its characters taken
    out: "本年制發(fā)件數(shù)" reads "本年制發件數", for matching only."""
    return _READING.sub("", text) if "(" in text else text


def simplified(text: str) -> str:
    """``text`` with the traditional forms of :data:`_PAIRS` made simplified."""
    return text.translate(_TABLE)


#: Words a converter to Taiwan's usage writes for the mainland's, in their
#: traditional form, and the mainland's word (simplified): a copy site's
#: converter prints 规范性文件 as "規範性檔案" (文件 → 檔案).  Only the
#: traditional form is mapped: 档案 (archives) in simplified text is itself.
_REGIONAL: Final = (("檔案", "文件"),)


def mainland_words(text: str) -> str:
    """``text`` with a converter's Taiwan words put back as the mainland's
    ("規範性檔案" reads "規範性文件"), for matching a label only: a unit's
    name ("某市檔案局") is never read so."""
    for taiwan, mainland in _REGIONAL:
        if taiwan in text:
            text = text.replace(taiwan, mainland)
    return text
