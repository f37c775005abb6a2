"""What a replacement must agree with in the text around it (style and glossary fixes): the
gender of the words that agree with a noun, and the form of an article or preposition that
depends on the sound after it. A fix that may break either is unsafe; its suggestion stays."""

from __future__ import annotations

import re
import unicodedata

from .lang import primary_language

_WORDS = re.compile(r"[^\W\d_]+")
_FIRST_WORD = re.compile(r"[^\W\d_]+['’]?")  # (l', an article elided)


def _unaccent(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# Languages whose articles, determiners and adjectives agree with the noun in gender.
GENDERED = frozenset({"es", "pt", "fr", "it", "ca", "ro", "de", "nl", "lb", "ru", "uk", "pl", "cs"})


# German-like languages: a noun's gender shows in its ending only through a derivational
# suffix (German -ung, -heit, -chen; Dutch -heid, -je), so the last three letters must agree,
# not the last one (``agreement_at_risk``); case and plural endings are added to the word
# (the glossary's ``_unlisted_inflection``: Benutzerkonto-s)
GERMAN_LIKE = frozenset({"de", "nl", "lb"})


def agreement_at_risk(old: str, new: str, lang: str | None) -> bool:
    """Replacing ``old`` by ``new`` may break agreement: in a language with grammatical gender,
    the two terms' first words end otherwise, a sign of another gender or class (el ordenador
    -> el computadora, uma trégua -> uma cessar-fogo, "Ordenador nuevo": a tester's report; in
    German the last three letters: das Meeting -> das Besprechung, a review). The fix is then
    unsafe; the suggestion stays."""
    primary = primary_language(lang)
    if primary not in GENDERED or old.casefold() == new.casefold():
        return False  # (one word, in its case or its spelling of ß: die Strasse -> die Straße)
    if primary in GERMAN_LIKE:  # (a compound's last part has its gender: die Email -> die E-Mail)
        old_head, new_head = _compound_head(old), _compound_head(new)
    else:
        old_head, new_head = _WORDS.findall(old)[:1], _WORDS.findall(new)[:1]
    tail = 3 if primary in GERMAN_LIKE else 1
    return not old_head or not new_head or old_head[0][-tail:].casefold() != new_head[0][-tail:].casefold()


# Endings that tell a German or Dutch noun's gender (die Zeitung, die Freiheit, das Büchlein,
# der Kapitalismus; de vrijheid): two heads with one of them, or one the other's last part as a
# compound's (Stimmung, Abstimmung), have one gender. Not -er, -el, -en (der Reiter, das Register,
# die Mutter: a tester's report, das Register -> das Reiter was a safe fix), nor -chen, -ion,
# -ment, Dutch -ing, which some nouns of another gender end in too (der Kuchen, das Stadion, der
# Konsument, het ding: a review)
GENDER_SUFFIXES = {
    "de": ("ung", "heit", "keit", "schaft", "tät", "lein", "ismus"),
    "nl": ("heid", "isme"),
}
COMPOUND_HEAD_MIN_LEN = 5  # a word that ends another is its last part from this length (Stimmung; not Alter in Halter)


def _same_gender_head(old: str, new: str, lang: str) -> bool:
    """Whether the compound heads of ``old`` and ``new`` surely share a gender (German, Dutch)."""
    old_first, new_first = old.split(None, 1)[:1], new.split(None, 1)[:1]
    if old_first and new_first and old_first[0].replace("-", "").casefold() == new_first[0].replace("-", "").casefold():
        return True  # one word written with or without its hyphen (die Email -> die E-Mail)
    old_head, new_head = _compound_head(old), _compound_head(new)
    if not old_head or not new_head:
        return False
    a, b = old_head[0].casefold(), new_head[0].casefold()
    short, long = sorted((a, b), key=len)
    if a == b or (len(short) >= COMPOUND_HEAD_MIN_LEN and len(long) > len(short) + 2 and long.endswith(short)):
        return True
    return any(a.endswith(suffix) and b.endswith(suffix) for suffix in GENDER_SUFFIXES.get(lang, ()))


def _compound_head(term: str) -> list[str]:
    """The last word of the first word of ``term`` written with hyphens (E-Mail-Adresse:
    Adresse; E-Mail: Mail), as a one-item list, or an empty list."""
    first = term.split(None, 1)[:1]
    return _WORDS.findall(first[0])[-1:] if first else []


_ELIDING = frozenset({"fr", "it", "ca"})  # languages that elide an article before a vowel (l', d')


def elided_before_consonant(prose: str, start: int, new: str, lang: str | None) -> bool:
    """The word before the replaced text is elided (L', d', l') and ``new`` starts with a
    consonant, which no elision comes before: "L'update" -> "L'mise à jour" is wrong, not just
    at risk (a tester's report), so there is no fix, only the suggestion. (An h may be silent.)"""
    if primary_language(lang) not in _ELIDING or not new:
        return False  # (not English: the students' computer)
    before = _WORD_OR_ELISION_BEFORE.search(prose, max(0, start - 24), start)
    first = _unaccent(new).casefold()[:1]
    return before is not None and bool(before.group(2)) and first.isalpha() and first not in "aeiouyh"


# Words whose form depends on the sound that follows (French le / l', du / de l'; Italian il /
# lo / l'; English a / an): before them a replacement that starts otherwise needs an editor.
SOUND_BOUND = {
    "fr": frozenset("le la de du au ce cet ma ta sa mon ton son que je me te se ne nouveau nouvel vieux vieil "
                    "beau bel fou fol mou mol".split()),
    "it": frozenset("il lo la i gli un uno una del dello della dei degli al allo alla ai agli nel nello nella "
                    "nei negli sul sullo sulla dal dallo dalla quel quello quella quei quegli bel bello buon "
                    "buono nessun nessuno alcun alcuno ciascun ciascuno".split()),
    "ca": frozenset("el la de del al pel".split()),
    "en": frozenset("a an".split()),
}
# the word before, then an apostrophe or spaces (emphasis, masked or not: l'**upgrade**; a line
# break, not a blank line)
_WORD_OR_ELISION_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(['’]?)(?:[ \t*_]|\r?\n(?![ \t]*\r?\n))*$")
# English words whose first letter is not their first sound: a user, a one-off, an hour
_ENGLISH_CONSONANT_SOUND = re.compile(
    r"(?:eu|ewe|one(?![a-z])|oneself|onetime|once|ubi|uk|ur[aeiou]|us[aeiou]|ut[aeiou]|ufo|u-|unanim"
    r"|uni(?:t|on|que|vers|form|fi|lateral|cycle|corn|sex|son|code|x))")  # (not uninstaller, unannounced)
_ENGLISH_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir|x-)")  # (an hour, an x-ray)
_ITALIAN_FEMININE = frozenset("la una della alla nella sulla dalla quella".split())
_ITALIAN_IMPURE = re.compile(r"s[^aeiou]|z|gn|ps|pn|x|y|i[aeiou]")  # lo studente, lo zaino, lo gnomo


def article_at_risk(prose: str, start: int, old: str, new: str, lang: str | None) -> bool:
    """Whether the word before a replacement takes its form from the sound it precedes and the
    replacement starts with another (Le serveur -> Le ordinateur, L'upgrade -> L'mise à niveau,
    du serveur -> du ordinateur: a tester's report; an email -> an message; Italian il -> lo
    before s + consonant or z: il calcolatore -> il sfogliatore). An h may be silent or not
    (l'homme, le héros), and an English acronym is read by its letters' names (an SMS): always
    a risk. The fix is then unsafe; the suggestion stays."""
    primary = primary_language(lang)
    words = SOUND_BOUND.get(primary)
    if not words:
        return False
    before = _WORD_OR_ELISION_BEFORE.search(prose, max(0, start - 24), start)
    if before is None or (not before.group(2) and before.group(1).casefold() not in words):
        return False
    if primary == "en" and any(len(w) > 1 and w.isupper() for w in (old.split()[:1] + new.split()[:1])):
        return True

    masculine = primary == "it" and before.group(1).casefold() not in _ITALIAN_FEMININE

    def sound(word: str) -> str:
        folded = _unaccent(word).casefold()
        if masculine and _ITALIAN_IMPURE.match(folded):
            return "impure"  # (il -> lo; la, una stay: la scatola)
        if primary == "en" and _ENGLISH_CONSONANT_SOUND.match(folded):
            return "consonant"  # (a user, a one-off)
        if primary == "en" and _ENGLISH_SILENT_H.match(folded):
            return "vowel"  # (an hour)
        first = folded[:1]
        return "h" if first == "h" else "vowel" if first in "aeiouy" else "consonant"

    return sound(old) != sound(new) or sound(new) == "h"


# Articles, and prepositions joined to one (Italian negli, Portuguese nos, dos, German den, im):
# a replacement that brings its own article after them doubles it (Negli gli USA, Nos os EUA)
ARTICLES = {
    "fr": frozenset("le la les l' du des au aux un une".split()),
    "it": frozenset("il lo la i gli le l' un uno una del dello della dei degli delle al allo alla ai agli alle "
                    "nel nello nella nei negli nelle sul sullo sulla sui sugli sulle dal dallo dalla dai dagli "
                    "dalle".split()),
    "es": frozenset("el la los las un una del al".split()),
    "pt": frozenset("o a os as um uma no na nos nas do da dos das ao à aos às pelo pela pelos pelas num numa "
                    "dum duma".split()),
    "ca": frozenset("el la els les l' del dels al als pel pels".split()),
    "de": frozenset("der die das den dem des ein eine einen einem einer eines im am zum zur vom beim ins ans".split()),
    "en": frozenset("the a an".split()),
}
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+['’]?)[ \t*_]*$")
# Words besides the articles that agree with the noun they precede: demonstratives, possessives,
# quantifiers (Este sistema -> Este plataforma, Nossa performance -> Nossa desempenho, Toute
# l'équipe: a tester's report); not those of one form for both genders (su, votre, ces).
# Closed classes of each language, as the articles are.
DETERMINERS = {
    "es": frozenset("este esta estos estas ese esa esos esas aquel aquella aquellos aquellas "
                    "nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras todo toda todos todas otro "
                    "otra otros otras mucho mucha muchos muchas poco poca pocos pocas algún alguno alguna algunos "
                    "algunas ningún ninguno ninguna cierto cierta ciertos ciertas dicho dicha dichos dichas tanto "
                    "tanta tantos tantas mismo misma mismos mismas cuyo cuya cuyos cuyas".split()),
    "pt": frozenset("este esta estes estas esse essa esses essas aquele aquela aqueles aquelas neste nesta nestes "
                    "nestas nesse nessa nesses nessas naquele naquela deste desta destes destas desse dessa desses "
                    "dessas daquele daquela meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa "
                    "nossos nossas vosso vossa todo toda todos todas outro outra outros outras muito muita muitos "
                    "muitas pouco pouca poucos poucas algum alguma alguns algumas nenhum nenhuma certo certa tanto "
                    "tanta mesmo mesma cujo cuja".split()),
    "fr": frozenset("ce cet cette mon ma ton ta son sa tout toute tous toutes quel quelle quels quelles aucun "
                    "aucune certain certaine certains certaines nul nulle".split()),
    "it": frozenset("questo questa questi queste quello quella quelli quelle quel quei mio mia miei mie tuo tua "
                    "tuoi tue suo sua suoi sue nostro nostra nostri nostre vostro vostra vostri vostre tutto tutta "
                    "tutti tutte alcuno alcuna nessuno nessuna ciascuno ciascuna certo certa altro altra altri altre "
                    "molto molta molti molte poco poca tanto tanta".split()),
    "ca": frozenset("aquest aquesta aquests aquestes aquell aquella aquells aquelles meu meva seu seva nostre "
                    "nostra tot tota tots totes".split()),
    "de": frozenset("dieser diese dieses diesen diesem jener jene jenes jenen jenem mein meine meinen meinem meiner "
                    "meines dein deine deinen deinem deiner sein seine seinen seinem seiner seines ihr ihre ihren "
                    "ihrem ihrer ihres unser unsere unseren unserem unserer euer eure kein keine keinen keinem "
                    "keiner keines jeder jede jedes jeden jedem welcher welche welches".split()),
}
_TWO_WORDS_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+['’]?)[ \t*_]+([^\W\d_]+)[ \t*_]*$")


def _word_before(prose: str, start: int) -> str | None:
    """The word right before ``start`` (an elided article's apostrophe kept, as '), case-folded."""
    before = _WORD_BEFORE.search(prose, max(0, start - 24), start)
    return before.group(1).casefold().replace("’", "'") if before is not None else None


def article_before(prose: str, start: int, lang: str | None) -> bool:
    """Whether the word right before ``start`` is an article, or a preposition joined to one."""
    articles = ARTICLES.get(primary_language(lang))
    return bool(articles) and _word_before(prose, start) in articles


def determiner_before(prose: str, start: int, lang: str | None) -> bool:
    """Whether the noun at ``start`` follows a word that agrees with it: an article (or a
    preposition joined to one) or another determiner (``DETERMINERS``), right before it or before
    one lower-case word, an adjective (O novo sistema)."""
    primary = primary_language(lang)
    agreeing = ARTICLES.get(primary, frozenset()) | DETERMINERS.get(primary, frozenset())
    if not agreeing:
        return False
    before = _word_before(prose, start)
    if before is None:
        return False
    if before in agreeing:
        return True
    two = _TWO_WORDS_BEFORE.search(prose, max(0, start - 48), start)
    return two is not None and two.group(2).islower() and two.group(1).casefold().replace("’", "'") in agreeing


def article_doubled(prose: str, start: int, new: str, lang: str | None) -> bool:
    """Whether ``new`` starts with an article and the word before the match is one, or a
    preposition joined to one (Negli Stati Uniti -> Negli gli USA, Nos Estados Unidos -> Nos os
    EUA, In den Vereinigten Staaten -> In den die USA: a tester's report); an identical word
    before is dropped from the replacement beforehand (``casing.without_repeated_word``)."""
    articles = ARTICLES.get(primary_language(lang))
    first = _FIRST_WORD.findall(new)[:1]
    if not articles or not first or first[0].casefold().replace("’", "'") not in articles:
        return False
    return article_before(prose, start, lang)


# A preposition and the articles it fuses with (Spanish de + el -> del, Portuguese em + o -> no,
# French à + le -> au, Italian di + il -> del): a replacement that starts with one of those
# articles after the preposition needs the fused form (de la COVID-19 -> de el COVID-19: a
# tester's report)
CONTRACTIONS = {
    "es": {"de": {"el"}, "a": {"el"}},
    "pt": {p: {"o", "a", "os", "as", "um", "uma", "uns", "umas"} for p in ("de", "em")}
          | {"a": {"o", "a", "os", "as"}, "por": {"o", "a", "os", "as"}},
    "fr": {"de": {"le", "les"}, "à": {"le", "les"}},
    "it": {p: {"il", "lo", "la", "i", "gli", "le", "l'"} for p in ("di", "a", "da", "in", "su")},
    "ca": {"de": {"el", "els"}, "a": {"el", "els"}, "per": {"el", "els"}},
}


def contraction_at_risk(prose: str, start: int, new: str, lang: str | None) -> bool:
    """Whether ``new`` starts with an article that the preposition right before fuses with."""
    fused = CONTRACTIONS.get(primary_language(lang))
    first = _FIRST_WORD.findall(new)[:1]
    if not fused or not first:
        return False
    articles = fused.get(_word_before(prose, start) or "")
    return bool(articles) and first[0].casefold().replace("’", "'") in articles


# German separable prefixes (longest first): herunterladen, anmelden are one word only as an
# infinitive at their clause's end (kann die Datei herunterladen.), "angemeldet" as a participle,
# "anzumelden" with zu; elsewhere they split (Laden Sie ... herunter). A closed class, as the
# articles are.
SEPARABLE_PREFIXES = tuple(sorted("""
    ab an auf aus bei dar ein fest fort frei her herab heran herauf heraus herbei herein herum
    herunter hervor hin hinab hinauf hinaus hinein hinunter hinzu hoch los mit nach nieder statt
    teil um vor voran voraus vorbei weg weiter zu zurecht zurück zusammen
""".split(), key=len, reverse=True))
_VERB_ENDINGS = ("en", "ln", "rn")
# the next word of the clause, on this line or the next (a wrapped line; not a closing “ or »)
_NEXT_WORD = re.compile(r"[ \t*_]*(?:\r?\n[ \t*_>]*)?[\w„«\"']")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]|\n)[ \t*_\"„“«»>#-]*$")


def separable_at_risk(prose: str, start: int, end: int, new: str, lang: str | None) -> bool:
    """Whether ``new`` is a German separable verb in its infinitive (herunterladen) and the text it
    replaces at [start, end) is no infinitive at a clause's end: after zu (zu downloaden ->
    zu herunterladen, not herunterzuladen) or before another word of the clause (Bitte
    downloaden Sie -> Bitte herunterladen Sie: a tester's report)."""
    if primary_language(lang) != "de":
        return False
    words = _WORDS.findall(new)
    verb = words[-1] if words else ""
    # (a German noun is capitalised: a capital is a verb's only where a sentence opens, or in
    # capitals throughout: Downloaden Sie -> Herunterladen Sie, a review)
    if not (verb.islower() or verb.isupper()
            or (len(words) == 1 and _OPENS_SENTENCE.search(prose, max(0, start - 40), start))):
        return False
    verb = verb.lower()
    if not verb.endswith(_VERB_ENDINGS) or not any(verb.startswith(p) and len(verb) - len(p) >= 4
                                                   for p in SEPARABLE_PREFIXES):
        return False
    return _word_before(prose, start) == "zu" or _NEXT_WORD.match(prose, end) is not None


def fix_at_risk(prose: str, start: int, old: str, new: str, lang: str | None, article_only: bool = False,
                end: int | None = None) -> bool:
    """Any of the above for replacing ``old`` (at ``start`` in ``prose``) by ``new``. With
    ``article_only`` (a house style's substitution, often of a name: Kiew -> Kyjiw in Kiew),
    the gender counts only after an article or another determiner, also before an adjective
    (Der Regierungschef -> Der Kanzlerin, Este sistema, O novo sistema). In a
    language whose gender a last letter does not tell, a new first word after an article is
    always at risk (O internamento -> O internação, El programa -> El campaña: a tester's
    report), and in German and Dutch unless both end in a suffix that tells the gender or one is
    the other's last part (die Stimmung -> die Abstimmung: ``_same_gender_head``). ``end``: where
    the replaced text ends (``start + len(old)`` when not given). A replacement of spaces and
    punctuation only touches no word's grammar (" ;" -> a narrow no-break space and ";" after
    "la zone" was unsafe, after "ici" safe: a tester's report)."""
    if _WORDS.search(old) is None and _WORDS.search(new) is None:
        return False
    at_article = determiner_before(prose, start, lang)
    agreement = agreement_at_risk(old, new, lang) and (not article_only or at_article)
    primary = primary_language(lang)
    if at_article and primary in GENDERED and primary not in GERMAN_LIKE:
        old_head, new_head = _WORDS.findall(old)[:1], _WORDS.findall(new)[:1]
        agreement = agreement or [w.casefold() for w in old_head] != [w.casefold() for w in new_head]
    elif at_article and primary in GERMAN_LIKE:
        agreement = agreement or not _same_gender_head(old, new, primary)
    return agreement or article_at_risk(prose, start, old, new, lang) or article_doubled(prose, start, new, lang) \
        or contraction_at_risk(prose, start, new, lang) \
        or separable_at_risk(prose, start, start + len(old) if end is None else end, new, lang)
