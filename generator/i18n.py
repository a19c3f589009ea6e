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

from generator.model import LANGUAGES

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
}  # fmt: skip

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


def label(key: str, language: str, **values: str) -> str:
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
