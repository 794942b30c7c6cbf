"""The plain-language "your rights" content (Rights page and PDF).

Sections are data: a title key, a text key and the ids of the **verified**
sources behind them (cited through :func:`planner.legal.cite`), each labelled
with its kind and scope (a recommended national standard is not law; the card
measures apply to credit cards only).  Channels that are only "likely" are named
as "to be confirmed" in the text, never cited.

>>> sections = rights_summary("en")
>>> sections[0].title
'Who may be contacted'
>>> all(s.text for s in sections) and "Measures" in sections[-2].citation
True
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import legal
from ..i18n import register, t


@dataclass(frozen=True)
class RightsSection:
    title: str
    text: str
    citation: str                      # verified citations with kind and scope, joined ("" when none)
    source_ids: tuple[str, ...] = ()


# (key, verified source ids)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("contacts", ("gbt_45251_2025", "cba_collection_2026")),
    ("privacy", ("civil_code_1032", "civil_code_1034", "pipl_6")),
    ("hours", ("gbt_45251_2025", "cba_collection_2026", "civil_code_1033")),
    ("guarantor", ()),
    ("threats", ()),
    ("your_data", ("pipl_44", "pipl_45")),
    ("evidence", ()),
    ("complain", ()),
    ("pay", ("card_rules_70", "civil_code_678")),
    ("safety", ()),
)


def rights_summary(lang: str = "zh") -> list[RightsSection]:
    """The sections in order, each with its title, text and citation in ``lang``."""
    lang = "en" if lang == "en" else "zh"
    sep = "; " if lang == "en" else "；"
    return [RightsSection(t(f"rights.sum.{key}.title", lang), t(f"rights.sum.{key}.text", lang),
                          sep.join(_cited(s, lang) for s in ids), ids)
            for key, ids in SECTIONS]


def _cited(source_id: str, lang: str) -> str:
    legal.cite(source_id, lang)                 # refuses anything not verified
    return legal.get(source_id).labelled(lang)


register({
    "rights.sum.contacts.title": {"zh": "谁可以被联系", "en": "Who may be contacted"},
    "rights.sum.contacts.text": {
        "zh": "法律保护您的隐私和生活安宁；针对网络贷款的国家标准和银行业的行业指引都要求（建议）催收只找您本人："
              "只有联系不上您时，才联系您借款时预留的紧急联系人，而且只请对方转告您回电；对方拒绝后就不再联系。"
              "通讯录里的其他亲友、同事不应被联系。",
        "en": "The law protects your privacy and peace; the national standard for online lending and the banking "
              "industry's guideline both say collectors should pursue only you: only when you cannot be reached "
              "should they contact the emergency contact you named when borrowing, and only to ask them to pass on "
              "a message; once that person refuses, they should stop. Other relatives, colleagues or phone contacts "
              "should not be contacted."},
    "rights.sum.privacy.title": {"zh": "欠款是您的隐私", "en": "Your debt is private"},
    "rights.sum.privacy.text": {
        "zh": "不得向您以外的任何人透露您的欠款，包括紧急联系人。您的姓名、电话等个人信息受法律保护，只能在必要范围内使用。",
        "en": "Your debt must not be disclosed to anyone but you, emergency contacts included. Your name, phone "
              "number and other personal information are protected and may be used only as far as necessary."},
    "rights.sum.hours.title": {"zh": "时间和频率", "en": "Hours and frequency"},
    "rights.sum.hours.text": {
        "zh": "行业规范要求未经您同意，晚上22点到早上8点之间不催收；网络贷款的国家标准建议同一机构每天有效通话不超过3次。"
              "电话、短信、微信轰炸侵扰私人生活安宁，为法律所禁止。",
        "en": "The industry rules say there should be no collection between 22:00 and 08:00 without your consent; the "
              "national standard for online lending says one lender should make at most 3 effective calls a day. "
              "Floods of calls, texts or messages disturb your private life, which the law forbids."},
    "rights.sum.guarantor.title": {"zh": "谁是“担保人”", "en": "Who is a “guarantor”"},
    "rights.sum.guarantor.text": {
        "zh": "只有亲自签署了担保合同或担保条款的人才是担保人；紧急联系人不承担还款责任。网贷和信用卡通常没有担保人，"
              "银行贷款和民间借贷有时有。催收人员说某位没签过担保的亲友是“担保人”、要替您还钱，是不实的。",
        "en": "Only someone who signed a guarantee (a guarantee contract or a guarantee clause) themselves is a "
              "guarantor; an emergency contact owes nothing. Online loans and credit cards normally have no "
              "guarantor; bank and private loans sometimes do. A collector who says a relative who signed no "
              "guarantee is a “guarantor” who must pay is not telling the truth."},
    "rights.sum.threats.title": {"zh": "威胁、暴力、冒充公检法：报警", "en": "Threats, violence, impersonation: call the police"},
    "rights.sum.threats.text": {
        "zh": "催收人员不是警察、法院或检察院。遇到威胁、暴力、冒充公检法或伪造“传票”“律师函”，保存证据并拨打110报警。"
              "这类行为可能违反《治安管理处罚法》，严重的可能涉嫌犯罪，具体由公安机关依法认定。"
              "真正的起诉由法院送达，您可以向当地法院核实。",
        "en": "Collectors are not the police, a court or prosecutors. For threats, violence, impersonation or "
              "fake “summonses” and “lawyer's letters”, keep the evidence and call 110. Such conduct may breach "
              "the Public Security Administration Punishments Law and, when serious, may be a crime: the police "
              "decide. A real lawsuit is served by the court, and you can check with your local court."},
    "rights.sum.your_data.title": {"zh": "您对个人信息的权利", "en": "Your rights over your data"},
    "rights.sum.your_data.text": {
        "zh": "您有权知道机构如何处理您的个人信息，可以限制或拒绝，并可以要求查阅、复制。借款App不要授权读取通讯录。",
        "en": "You have the right to know how a lender processes your personal information, to restrict or refuse "
              "it, and to view and copy it. Do not give lending apps access to your contact list."},
    "rights.sum.evidence.title": {"zh": "保存证据", "en": "Keep evidence"},
    "rights.sum.evidence.text": {
        "zh": "每次催收都记录下来：时间、号码、对方原话。保存通话录音、短信和微信截图，以及亲友收到的信息截图。提前告诉家人朋友可能会接到催收电话。",
        "en": "Log every contact: time, number, the exact words. Keep call recordings, screenshots of texts and "
              "WeChat messages, and of what relatives received. Tell family and friends in advance that collectors "
              "may call them."},
    "rights.sum.complain.title": {"zh": "向哪里投诉", "en": "Where to complain"},
    "rights.sum.complain.text": {
        "zh": "先通过机构的官方客服（App内入口、合同或卡片上的热线）要求停止违规行为，不要和催收人员谈条件。"
              "仍不改正的，可向国家金融监督管理总局投诉（消费者投诉热线一般为12378，请先核实）；小额贷款公司归地方金融管理局管；"
              "骚扰电话短信可向12321举报（请先核实）；也可以向中国互联网金融协会举报（请先确认其举报平台仍在运行）。",
        "en": "First ask the lender's official customer service (in-app entry, the hotline on your contract or card) "
              "to stop, rather than bargaining with the collector. If it goes on, complain to the National "
              "Financial Regulatory Administration (its consumer hotline is usually 12378; please confirm); "
              "small-loan companies answer to the local financial regulatory bureau; report nuisance calls and texts "
              "to 12321 (please confirm); you may also report to the National Internet Finance Association (check "
              "that its reporting platform still runs)."},
    "rights.sum.pay.title": {"zh": "还款仍是出路", "en": "Paying is still the way out"},
    "rights.sum.pay.text": {
        "zh": "维权不等于不还钱。通过官方渠道说明困难、表达还款意愿、给出具体时间表，申请分期或延期，由各机构决定是否同意。"
              "信用卡可以申请最长5年的个性化分期（银行“可以”同意，不是必须）；双方签署分期协议后，银行及其委托的机构应停止催收。"
              "签署前要知道：协议会要求您在还清前不再申请新的信用卡（任何银行），逾期记录仍会保留在征信报告中，银行可能要求困难证明。"
              "书面协议达成前少还的部分仍按逾期处理（罚息、征信）。不要借新还旧。",
        "en": "Standing up for your rights does not mean not paying. Through the official channel, explain your "
              "hardship, say you want to repay, give a concrete timetable and ask for instalments or an extension; "
              "each lender decides. For credit cards you may ask for a personalised instalment plan of up to 5 years "
              "(the bank “may” agree; it is not a right); once both sides have signed it, the bank and its agents "
              "must stop collection. Know before you sign: you promise not to apply for new credit cards (from any "
              "bank) until it is repaid, the overdue record stays on your credit report, and the bank may ask for "
              "proof of hardship. Until a written agreement exists, paying less still counts as overdue (penalty "
              "interest, credit report). Do not borrow from one lender to repay another."},
    "rights.sum.safety.title": {"zh": "小心收费“代理协商”", "en": "Beware of paid “negotiation agents”"},
    "rights.sum.safety.text": {
        "zh": "监管部门多次提示：收费的“债务优化”“代理协商”“停息挂账”“反催收”机构可能骗取费用、泄露您的个人信息，甚至让您背上新的债务。"
              "与自己的贷款机构协商是免费的，您可以直接联系机构官方客服。提供的困难证明必须真实，伪造证明可能违法。",
        "en": "Regulators have warned repeatedly: fee-charging “debt optimisation”, “negotiation agent”, “interest "
              "freeze” (停息挂账) and “anti-collection” services may take your money, leak your personal data or "
              "even push you into new debt. Negotiating with your own lender is free: contact its official customer "
              "service yourself. Any proof of hardship you give must be true; forged proof may be unlawful."},
})
