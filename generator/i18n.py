"""What the generator itself writes on a page, in the six official languages of the United Nations.

Labels (:data:`LABELS`), dates (:func:`long_date`) and the names of paragraphs
(:func:`paragraph_name`) follow the forms of the UN's own documents in each language: "alinéa 3
du préambule", "párrafo 1 de la parte dispositiva", "执行部分第1段", dates as "22 décembre 2018",
"22 de diciembre de 2018", "22 декабря 2018 года", "2018年12月22日", "22 كانون الأول/ديسمبر 2018".
A label missing in a language is an error of this table, caught by the tests; the page never
falls back silently.  The theme's own labels (search box, navigation) stay English: the theme
has one language per site.
"""

from __future__ import annotations

from datetime import date

from generator.model import LANGUAGES, Paragraph

RTL = frozenset({"ar"})
"""Languages written right to left."""

NATIVE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
    "de": "Deutsch",
}

LABELS: dict[str, dict[str, str]] = {
    "official_text": {
        "ar": "النص الرسمي", "zh": "正式文本", "en": "Official text",
        "fr": "Texte officiel", "ru": "Официальный текст", "es": "Texto oficial",
    },
    "footnotes": {
        "ar": "الحواشي", "zh": "脚注", "en": "Footnotes",
        "fr": "Notes de bas de page", "ru": "Сноски", "es": "Notas",
    },
    "cite": {"ar": "استشهاد", "zh": "引用", "en": "Cite", "fr": "Citer", "ru": "Цитировать", "es": "Citar"},
    "add_commentary": {
        "ar": "إضافة تعليق", "zh": "添加评注", "en": "Add commentary",
        "fr": "Ajouter un commentaire", "ru": "Добавить комментарий", "es": "Añadir un comentario",
    },
    "commentary_on": {
        "ar": "تعليق على {name}", "zh": "关于{name}的评注", "en": "Commentary on {name}",
        "fr": "Commentaire sur {name}", "ru": "Комментарий к {name}", "es": "Comentario sobre {name}",
    },
    "lineage": {
        "ar": "السوابق", "zh": "沿革", "en": "Lineage", "fr": "Filiation", "ru": "Предыстория", "es": "Antecedentes",
    },
    "permalink_to": {
        "ar": "رابط دائم إلى {name}", "zh": "{name}的永久链接", "en": "Permanent link to {name}",
        "fr": "Lien permanent vers {name}", "ru": "Постоянная ссылка на {name}", "es": "Enlace permanente a {name}",
    },
    "adopted_on": {
        "ar": "اعتُمد في {date}", "zh": "{date}通过", "en": "adopted {date}",
        "fr": "adoptée le {date}", "ru": "принята {date}", "es": "aprobada el {date}",
    },
    "provenance_agreed": {
        "ar": "صيغة متفق عليها منذ",
        "zh": "商定措辞，始于",
        "en": "Agreed language since",
        "fr": "Libellé agréé depuis",
        "ru": "Согласованная формулировка с",
        "es": "Texto acordado desde",
    },
    "provenance_changed": {
        "ar": "معدّلة عن",
        "zh": "改自",
        "en": "Changed from",
        "fr": "Modifié par rapport à",
        "ru": "Изменено по сравнению с",
        "es": "Modificado respecto de",
    },
    "provenance_new": {
        "ar": "جديدة في هذا القرار",
        "zh": "本决议新增",
        "en": "New in this resolution",
        "fr": "Nouveau dans la présente résolution",
        "ru": "Новое в настоящей резолюции",
        "es": "Nuevo en la presente resolución",
    },
    "show_changes": {
        "ar": "عرض التغييرات",
        "zh": "显示修改",
        "en": "show changes",
        "fr": "voir les modifications",
        "ru": "показать изменения",
        "es": "ver los cambios",
    },
    "draft_note": {
        "ar": "مشروع قرار: نص تفاوضي، لا نص معتمد.",
        "zh": "决议草案：谈判文本，并非通过的文本。",
        "en": "Draft resolution: a text under negotiation, not an adopted text.",
        "fr": "Projet de résolution : texte en négociation, non un texte adopté.",
        "ru": "Проект резолюции: текст на стадии переговоров, а не принятый текст.",
        "es": "Proyecto de resolución: texto en negociación, no un texto aprobado.",
    },
    "missing_in_language": {
        "ar": "هذه الفقرة غير موجودة في النص العربي؛ انظر النص الإنكليزي.",
        "zh": "中文本中没有这一段；见英文本。",
        "en": "This paragraph is missing from the English text.",
        "fr": "Ce paragraphe manque dans le texte français ; voir le texte anglais.",
        "ru": "Этот пункт отсутствует в русском тексте; см. английский текст.",
        "es": "Este párrafo no figura en el texto español; véase el texto inglés.",
    },
    "language": {
        "ar": "اللغة", "zh": "语言", "en": "Language", "fr": "Langue", "ru": "Язык", "es": "Idioma",
    },
    "side_by_side": {
        "ar": "عرض لغة ثانية", "zh": "并排显示第二种语言", "en": "Show a second language",
        "fr": "Afficher une deuxième langue", "ru": "Показать второй язык", "es": "Mostrar un segundo idioma",
    },
    "not_official_text": {
        "ar": "ليس جزءا من النص الرسمي", "zh": "不属于正式文本", "en": "Not part of the official text",
        "fr": "Ne fait pas partie du texte officiel", "ru": "Не является частью официального текста",
        "es": "No forma parte del texto oficial",
    },
    "edit_commentary": {
        "ar": "تعديل هذا التعليق", "zh": "编辑此评注", "en": "Edit this commentary",
        "fr": "Modifier ce commentaire", "ru": "Изменить этот комментарий", "es": "Editar este comentario",
    },
    "edit_commentary_on": {
        "ar": "تعديل التعليق على {name}", "zh": "编辑关于{name}的评注", "en": "Edit the commentary on {name}",
        "fr": "Modifier le commentaire sur {name}", "ru": "Изменить комментарий к {name}",
        "es": "Editar el comentario sobre {name}",
    },
    "add_commentary_on": {
        "ar": "إضافة تعليق على {name}", "zh": "添加关于{name}的评注", "en": "Add commentary on {name}",
        "fr": "Ajouter un commentaire sur {name}", "ru": "Добавить комментарий к {name}",
        "es": "Añadir un comentario sobre {name}",
    },
    "cite_name": {
        "ar": "استشهاد بـ {name}", "zh": "引用{name}", "en": "Cite {name}", "fr": "Citer {name}",
        "ru": "Цитировать {name}", "es": "Citar {name}",
    },
    "by": {"ar": "بقلم", "zh": "作者：", "en": "By", "fr": "Par", "ru": "Авторы:", "es": "Por"},
    "by_inline": {"ar": "بقلم", "zh": "作者：", "en": "by", "fr": "par", "ru": "авторы:", "es": "por"},
    "updated": {
        "ar": "حُدّث في {date}", "zh": "更新于{date}", "en": "updated {date}", "fr": "mis à jour le {date}",
        "ru": "обновлено {date}", "es": "actualizado el {date}",
    },
    "sources": {"ar": "المصادر:", "zh": "来源：", "en": "Sources:", "fr": "Sources :", "ru": "Источники:", "es": "Fuentes:"},
    "topics": {"ar": "المواضيع:", "zh": "主题：", "en": "Topics:", "fr": "Thèmes :", "ru": "Темы:", "es": "Temas:"},
    "stale": {
        "ar": "كُتب لصيغة سابقة لنص هذه الفقرة.", "zh": "本评注针对的是本段的早先文本。",
        "en": "Written for an earlier version of this paragraph's text.",
        "fr": "Rédigé pour une version antérieure du texte de ce paragraphe.",
        "ru": "Написано для предыдущей редакции текста этого пункта.",
        "es": "Redactado para una versión anterior del texto de este párrafo.",
    },
    "stale_more": {
        "ar": "تغيّر النص الرسمي منذ ذلك الحين؛ وقد لا يتطابق التعليق معه.",
        "zh": "正式文本此后已有改动；评注可能与之不符。",
        "en": "The official text has changed since; the commentary may not match it.",
        "fr": "Le texte officiel a changé depuis ; le commentaire peut ne plus y correspondre.",
        "ru": "С тех пор официальный текст изменился; комментарий может ему не соответствовать.",
        "es": "El texto oficial ha cambiado desde entonces; el comentario puede no corresponder a él.",
    },
    "written_in": {
        "ar": "مكتوب باللغة {language}", "zh": "以{language}撰写", "en": "Written in {language}",
        "fr": "Rédigé en {language}", "ru": "Язык комментария: {language}", "es": "Escrito en {language}",
    },
    "outline": {
        "ar": "مخطط النص", "zh": "文本纲要", "en": "Outline of the text", "fr": "Plan du texte",
        "ru": "Структура текста", "es": "Esquema del texto",
    },
    "paragraph_count": {
        "ar": "عدد الفقرات: {n}", "zh": "{n}段", "en": "{n} paragraphs", "fr": "{n} paragraphes",
        "ru": "пунктов: {n}", "es": "{n} párrafos",
    },
    "preamble": {"ar": "الديباجة", "zh": "序言部分", "en": "Preamble", "fr": "Préambule", "ru": "Преамбула", "es": "Preámbulo"},
    "operative_part": {
        "ar": "المنطوق", "zh": "执行部分", "en": "Operative part", "fr": "Dispositif",
        "ru": "Постановляющая часть", "es": "Parte dispositiva",
    },
    "language_versions": {
        "ar": "النسخ اللغوية", "zh": "语文版本", "en": "Language versions", "fr": "Versions linguistiques",
        "ru": "Языковые версии", "es": "Versiones lingüísticas",
    },
    "back_to_note": {
        "ar": "العودة إلى الحاشية {n} في النص", "zh": "返回正文中的脚注{n}", "en": "Jump back to footnote {n} in the text",
        "fr": "Retour à l’appel de la note {n}", "ru": "Вернуться к сноске {n} в тексте",
        "es": "Volver a la llamada de la nota {n}",
    },
    "this_resolution": {
        "ar": "هذا القرار", "zh": "本决议", "en": "this resolution", "fr": "la présente résolution",
        "ru": "настоящая резолюция", "es": "la presente resolución",
    },
    "lineage_intro": {
        "ar": "القرارات والمقررات التي يستشهد بها هذا القرار، من الأقدم إلى الأحدث، والقرارات اللاحقة في هذا الموقع التي تستشهد به.",
        "zh": "本决议援引的决议和决定（按时间先后），以及本网站中援引本决议的后续决议。",
        "en": "The resolutions and decisions it cites, oldest first, and the later resolutions on this site that cite it.",
        "fr": "Les résolutions et décisions qu’elle cite, des plus anciennes aux plus récentes, et les résolutions ultérieures de ce site qui la citent.",
        "ru": "Резолюции и решения, на которые она ссылается, начиная с самых ранних, и более поздние резолюции этого сайта, которые ссылаются на неё.",
        "es": "Las resoluciones y decisiones que cita, de la más antigua a la más reciente, y las resoluciones posteriores de este sitio que la citan.",
    },
    "documents_index": {
        "ar": "فهرس الوثائق المستشهد بها", "zh": "所引文件索引", "en": "Index of documents cited",
        "fr": "Index des documents cités", "ru": "Указатель цитируемых документов",
        "es": "Índice de los documentos citados",
    },
    "cites_it_in": {
        "ar": "يستشهد به في", "zh": "援引于", "en": "cites it in", "fr": "la cite dans", "ru": "ссылается на неё в",
        "es": "la cita en",
    },
    "agenda_item": {
        "ar": "البند {n} من جدول الأعمال", "zh": "议程项目{n}", "en": "agenda item {n}",
        "fr": "point {n} de l’ordre du jour", "ru": "пункт {n} повестки дня", "es": "tema {n} del programa",
    },
    "page_description": {
        "ar": "النص الرسمي، مع رابط دائم إلى كل فقرة، والحواشي، وتعليقات الخبراء.",
        "zh": "正式文本，每段均有永久链接，附脚注和专家评注。",
        "en": "Official text with a permanent link to every paragraph, footnotes and expert commentary.",
        "fr": "Texte officiel, avec un lien permanent vers chaque paragraphe, les notes et des commentaires d’experts.",
        "ru": "Официальный текст с постоянной ссылкой на каждый пункт, сносками и комментариями экспертов.",
        "es": "Texto oficial, con un enlace permanente a cada párrafo, las notas y comentarios de expertos.",
    },
    "how_adopted": {
        "ar": "الاعتماد", "zh": "通过情况", "en": "How it was adopted", "fr": "Adoption", "ru": "Принятие",
        "es": "Aprobación",
    },
    "parallel_off": {
        "ar": "لغة واحدة", "zh": "仅一种语言", "en": "One language", "fr": "Une seule langue", "ru": "Один язык",
        "es": "Un solo idioma",
    },
}  # fmt: skip

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "ar": {"ar": "العربية", "zh": "الصينية", "en": "الإنكليزية", "fr": "الفرنسية", "ru": "الروسية", "es": "الإسبانية"},
    "zh": {"ar": "阿拉伯文", "zh": "中文", "en": "英文", "fr": "法文", "ru": "俄文", "es": "西班牙文"},
    "en": {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"},
    "fr": {"ar": "arabe", "zh": "chinois", "en": "anglais", "fr": "français", "ru": "russe", "es": "espagnol"},
    "ru": {"ar": "арабский", "zh": "китайский", "en": "английский", "fr": "французский", "ru": "русский", "es": "испанский"},
    "es": {"ar": "árabe", "zh": "chino", "en": "inglés", "fr": "francés", "ru": "ruso", "es": "español"},
}  # fmt: skip
"""The name of each official language (inner key) in each (outer key), as running text writes it."""

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
           "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
           "كانون الأول/ديسمبر"],
}  # fmt: skip


def label(key: str, language: str, /, **values: str) -> str:
    """The label ``key`` in ``language`` (English for a language the table does not have)."""
    forms = LABELS[key]
    text = forms.get(language, forms["en"])
    return text.format(**values) if values else text


def long_date(d: date | None, language: str = "en") -> str:
    """A date as the UN's documents print it in ``language``; ``""`` for no date."""
    if d is None:
        return ""
    if language == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    if language == "es":
        return f"{d.day} de {_MONTHS['es'][d.month - 1]} de {d.year}"
    if language == "ru":
        return f"{d.day} {_MONTHS['ru'][d.month - 1]} {d.year} года"
    if language == "fr":
        return f"{'1er' if d.day == 1 else d.day} {_MONTHS['fr'][d.month - 1]} {d.year}"
    months = _MONTHS.get(language, _MONTHS["en"])
    return f"{d.day} {months[d.month - 1]} {d.year}"


def paragraph_name(kind: str, number: str, sub_labels: tuple[str, ...], language: str = "en") -> str:
    """``preambular paragraph 3``, ``operative paragraph 1 (a) (ii)`` in ``language``.

    ``kind`` is ``preambular`` or ``operative``; ``number`` the paragraph's number (its position
    for a preambular paragraph); ``sub_labels`` the labels of the subparagraphs down to it."""
    subs = "".join(f" ({s})" for s in sub_labels)
    if language == "zh":
        part = "序言部分" if kind == "preambular" else "执行部分"
        return f"{part}第{number}段" + "".join(f"({s})" for s in sub_labels)
    forms = {
        "en": ("preambular paragraph {n}", "operative paragraph {n}"),
        "fr": ("alinéa {n} du préambule", "paragraphe {n} du dispositif"),
        "es": ("párrafo {n} del preámbulo", "párrafo {n} de la parte dispositiva"),
        "ru": ("пункт {n} преамбулы", "пункт {n} постановляющей части"),
        "ar": ("الفقرة {n} من الديباجة", "الفقرة {n} من المنطوق"),
    }
    preambular, operative = forms.get(language, forms["en"])
    text = (preambular if kind == "preambular" else operative).format(n=number)
    if subs and language in ("fr", "es", "ru", "ar"):
        # "paragraphe 1 a) du dispositif": the UN's French and Spanish put the subparagraph after
        # the number; a plain suffix reads correctly in every language and stays unambiguous.
        return f"{text}{subs}"
    return text + subs


def direction(language: str) -> str:
    return "rtl" if language in RTL else "ltr"


def languages_in_order(codes: set[str] | frozenset[str]) -> list[str]:
    """Language codes in the UN's order (Arabic, Chinese, English, French, Russian, Spanish), others after."""
    return sorted(codes, key=lambda c: (LANGUAGES.index(c) if c in LANGUAGES else 99, c))


def language_name(code: str, language: str) -> str:
    """The name of the language ``code`` as a text in ``language`` writes it (``anglais``)."""
    names = LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"])
    return names.get(code) or NATIVE_NAMES.get(code, code)


def localised_paragraph_name(p: Paragraph, parents: tuple[Paragraph, ...], english: str, language: str) -> str:
    """The name of a paragraph of the resolution itself in ``language`` (``english`` is its
    English name, :func:`generator.naming.paragraph_name`).  The paragraphs of annexes, embedded
    texts and components, and unnumbered blocks, keep their English name: those names are
    built from parts (``annex II, paragraph 3``) this table does not translate yet."""
    if language == "en":
        return english
    chain = (*parents, p)
    top = chain[0]
    if not english.startswith(("preambular paragraph", "operative paragraph")) or any(not c.label for c in chain[1:]):
        return english
    number = top.id.removeprefix("pp-") if top.kind == "preambular" else top.label
    return paragraph_name(top.kind, number, tuple(c.label for c in chain[1:]), language)
