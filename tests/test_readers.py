import codecs
import gzip
import re

import pytest

from checker.model import BlockKind, InputError
from checker.pipeline import load_text
from checker.readers import parse_document
from checker.readers.decode import decode


def test_utf8_with_and_without_bom():
    assert decode("Massoud é".encode(), "a.txt") == ("Massoud é", "utf-8")
    assert decode(codecs.BOM_UTF8 + "Massoud é".encode(), "a.txt") == ("Massoud é", "utf-8-sig")


def test_utf16_with_bom():
    data = "Ahmad Shah Massoud".encode("utf-16")  # writes a BOM
    assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert decode(data, "a.txt")[0] == "Ahmad Shah Massoud"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_byte_order_is_written_back_as_it_was_read(encoding):
    from checker.readers.decode import encode

    data = ("\ufeffThe Taleban came.\n").encode(encoding)
    text, named = decode(data, "a.txt")
    assert text == "The Taleban came.\n" and encode(text, named) == data


def test_utf32_with_bom_is_not_read_as_utf16():
    # UTF-32-LE's mark starts with UTF-16-LE's: it was decoded as UTF-16 full of NULs (a silent pass)
    for encoding in ("utf-32", "utf-32-le", "utf-32-be"):
        data = ("\ufeff" if encoding != "utf-32" else "") + "The Taleban came."
        text, named = decode(data.encode(encoding), "a.txt")
        assert text == "The Taleban came." and named.startswith("utf-32")
    # text that decodes but holds NUL characters is binary
    with pytest.raises(InputError, match="binary"):
        decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "a.txt")


def test_latin1_is_an_error_naming_the_file_line_and_column():
    with pytest.raises(InputError, match=r"a\.txt:2:10: cannot decode as UTF-8 \(byte 0xe9"):
        decode("Taliban\nPanjshir é".encode("latin-1"), "a.txt")


def test_binary_is_an_error():
    with pytest.raises(InputError, match="binary"):
        decode(gzip.compress(b"hello world" * 10), "a.txt")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_named_in_the_error(encoding):
    # a tester's note: it read "binary file (contains NUL bytes)" alone
    for text in ("The Taleban came to Kabul.\n", "Талибы вошли в Кабул.\n", "塔利班进入喀布尔。 他们说。\n"):
        with pytest.raises(InputError, match=r"UTF-16 without a byte-order mark\?\); expected a text file"):
            decode(text.encode(encoding), "a.txt")
    for data in (bytes(range(256)) * 4, b"\x00\x01binary"):  # (binary data is no such guess)
        with pytest.raises(InputError) as raised:
            decode(data, "b.txt")
        assert "UTF-16" not in str(raised.value)


def test_control_characters_of_text_are_no_binary():
    # Word's manual line break (vertical tab) and a page break (form feed) in a short exported text
    assert decode(b"Panjshir\x0bvalley.\x0cEnd.\n", "a.txt")[0] == "Panjshir\x0bvalley.\x0cEnd.\n"
    with pytest.raises(InputError, match="control characters"):
        decode(b"Panjshir\x01valley.\n", "a.txt")


def test_bom_is_not_part_of_the_text_and_offsets_hold():
    doc = parse_document("a.txt", codecs.BOM_UTF8 + b"Kabul is here.\n")
    assert doc.text.startswith("Kabul")
    assert doc.position(0) == (1, 1)


def test_plain_text_headings_and_paragraphs():
    text = "natural fortress\n\nThe valley lies north of Kabul. It is steep.\n"
    doc = load_text(text, "a.txt", lang="en")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert [s.text for s in doc.segments] == ["natural fortress", "The valley lies north of Kabul.", "It is steep."]


def test_a_title_case_question_of_its_own_is_a_heading_in_plain_text():
    # a tester's report: "Who Is Ahmad Massoud?" in a .txt file was no heading, so a sentence-case
    # rule never saw it; a question in prose, or a short one, stays a paragraph
    text = "Who Is Ahmad Massoud?\n\nWho is he?\n\nWhat Now?\n\nWho is Ahmad Massoud?\n"
    doc = load_text(text, "a.txt", lang="en")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING] + [BlockKind.PARAGRAPH] * 3



@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_web_and_email_addresses_are_not_prose(path):
    text = ("Email jo@samaritans.org or visit https://www.samaritans.org/help, or www.bbc.co.uk/news.\n"
            "The Samaritans answer at all hours.\n")
    doc = load_text(text, path, lang="en")
    assert len(doc.prose) == len(doc.text)
    assert "samaritans" not in doc.prose and "bbc" not in doc.prose
    # the punctuation after an address still ends the clause and the sentence
    assert "Email " in doc.prose and ", or " in doc.prose and "." in doc.prose.splitlines()[0]
    assert [s.text for s in doc.segments][-1] == "The Samaritans answer at all hours."
    # not addresses: a bare "@", an unfinished domain; a handle or a hashtag is no prose either
    # (a tester's report: a house spelling's fix wrote @Zelensky_Official, @Élysée)
    text = "Ask @ or x@y, then leave. Follow @Zelenskyy_Official and #Elysee, the #1 in C# news.\n"
    assert load_text(text, path, lang="en").prose == text.replace("@Zelenskyy_Official", " " * 19).replace(
        "#Elysee", " " * 7).replace("#1", "  ")
    # any case; an address glued to a script written without spaces does not swallow its words
    prose = load_text("See WWW.BBC.CO.UK/News. 请发邮件至jo@x.org请联系。访问https://x.org/a请联系。\n", path, lang="en").prose
    assert "BBC" not in prose and "x.org" not in prose
    assert "See " in prose and "请发邮件至" in prose and "请联系。访问" in prose and prose.rstrip().endswith("请联系。")


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_file_names_and_paths_are_not_prose(path):
    # a tester's report: a house spelling's --fix wrote Taliban.jpg and /img/Taliban_flag.png
    text = "See taleban.jpg, /img/Taleban_flag.png and C:\\docs\\taleban.docx. The Taleban came.\n"
    prose = load_text(text, path, lang="en").prose
    assert len(prose) == len(text) and prose.count("aleban") == 1 and "docx" not in prose
    assert prose.startswith("See ") and ". The Taleban came." in prose
    # prose with slashes and dots stays prose
    text = "Ein-/Ausschalter, km/h, and/or 1/2; Node.js and e.g. U.S. stay.\n"
    assert load_text(text, path, lang="de").prose == text


def test_markdown_template_tags_and_heading_attributes_are_not_prose():
    text = "# The Taleban advance {#taleban}\n\n{{< figure src=\"x\" caption=\"Taleban\" >}}\n\n{% include taleban.html %}\n"
    prose = load_text(text, "a.md", lang="en").prose
    assert len(prose) == len(text) and prose.count("aleban") == 1 and "figure" not in prose
    # a lone {{ does not hide the paragraphs up to the next }}; attributes in CRLF files too (a review)
    text = "Write `{{` to open a tag.\n\nThe Taleban advanced.\n\nClose it with `}}` then.\n"
    assert "The Taleban advanced." in load_text(text, "a.md", lang="en").prose
    assert "taleban" not in load_text("## Taleban advance {#taleban}\r\n\r\nText.\r\n", "a.md", lang="en").prose
    # a tag over several lines is one too; a {{ in inline code is code, not a tag's start (reviews)
    text = 'Read {{< relref\n  "posts/Taleban" >}} first.\n\n{% if tag ==\n   "Taleban" %}Tagged.{% endif %}\n'
    prose = load_text(text, "a.md", lang="en").prose
    assert "Taleban" not in prose and "Read" in prose and "first." in prose and "Tagged." in prose
    assert "The Taleban came." in load_text("Write `{{` here. The Taleban came. Close `}}` now.\n", "a.md", lang="en").prose


def test_a_paragraph_that_is_only_an_address_keeps_its_block():
    doc = load_text("Intro.\n\nwww.example.com\n\nEmail: jo@example.org\n\nThe end.\n", "a.txt", lang="en")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == ["Intro.", "www.example.com", "Email: jo@example.org", "The end."]
    assert "example" not in doc.prose
    # in Markdown too, and a heading's block still starts at its words, not at "# "
    text = "# Title\n\nIntro.\n\nwww.example.com\n\n`code only`\n\nThe end.\n"
    doc = load_text(text, "a.md", lang="en")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == ["Title", "Intro.", "www.example.com", "`code only`", "The end."]
    assert "example" not in doc.prose and "code only" not in doc.prose


MARKDOWN = """---
title: Taleban in front matter
---
# The Panjshir valley

Prose with `Taleban code` and a [link](https://example.org/Taleban) here.
<!-- Taleban in a comment -->

```
Taleban in a fence
```

    Taleban indented code

- A list item about Kabul.
"""


def test_markdown_toml_front_matter_is_not_prose():
    # Hugo's +++ front matter, like YAML's ---: its tags and titles are metadata, never fixed
    text = '+++\ntitle = "Panjshir"\ntags = ["Taleban"]\n+++\n\nThe Taliban came.\n'
    doc = load_text(text, "a.md", lang="en")
    assert "Taleban" not in doc.prose and "Panjshir" not in doc.prose and "The Taliban came." in doc.prose
    from checker.readers.markdown import code_spans

    assert code_spans(text)[0] == (0, text.index("\n\nThe") + 1)
    # an unclosed +++ is no front matter
    assert "title" in load_text('+++\ntitle = "x"\n', "b.md", lang="en").prose


def test_markdown_masks_everything_but_prose_and_keeps_offsets():
    doc = load_text(MARKDOWN, "a.md", lang="en")
    assert len(doc.prose) == len(doc.text)
    # every "Taleban" is in code, a URL, a comment or the front matter: none is prose
    assert "Taleban" not in doc.prose
    assert "Prose with" in doc.prose and "A list item about Kabul." in doc.prose
    heading = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert [doc.text[b.start:b.end] for b in heading] == ["The Panjshir valley"]
    # every segment's text is found at its offsets in the prose view
    for seg in doc.segments:
        assert doc.prose[seg.start:seg.end] == seg.text
    link = doc.text.index("link")
    assert doc.prose[link:link + 4] == "link"


def test_markdown_footnotes_are_prose_without_their_markers():
    text = ("The valley fell[^1] in 2021[^note].\n\n[^1]: The Taleban said so.\n    Its second line.\n\n"
            "[^note]: Reuters.\n\n[ref]: https://example.com/Taleban\n")
    doc = load_text(text, "a.md", lang="en")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == [
        "The valley fell[^1] in 2021[^note].", "The Taleban said so.\n    Its second line.", "Reuters."]
    assert "^" not in doc.prose and "note" not in doc.prose
    assert "Taleban" in doc.prose and doc.prose.count("Taleban") == 1  # not the reference definition


def test_line_and_column_count_code_points():
    doc = load_text("Ação é boa.\nMassoud 😀 Massud.\n", "a.txt", lang="pt")
    offset = doc.text.index("Massud")
    assert doc.position(offset) == (2, 11)


def test_markdown_table_cells_are_prose_each_its_own_block():
    text = "Intro.\n\n| Name | Note |\n|---|---|\n| Kabul | The FRN said so. It left. |\n"
    doc = load_text(text, "a.md", lang="en")
    assert "|" not in doc.prose and "---" not in doc.prose
    cells = [doc.text[b.start:b.end] for b in doc.blocks]
    assert cells == ["Intro.", "Name", "Note", "Kabul", "The FRN said so. It left."]
    assert [s.text for s in doc.segments][-2:] == ["The FRN said so.", "It left."]


def test_markdown_lines_ended_by_a_lone_carriage_return():
    # a tester's report: a file saved on an old Mac (\r alone) was one line, its first heading
    # ran to the end of the file
    text = "# Title\r\rSome text about Kabul.\r\r## Second Heading Here\r\rWe went.\r"
    doc = load_text(text, "a.md", lang="en")
    assert len(doc.prose) == len(text) and doc.prose.count("\r") == text.count("\r")
    assert [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks] == [
        (BlockKind.HEADING, "Title"), (BlockKind.PARAGRAPH, "Some text about Kabul."),
        (BlockKind.HEADING, "Second Heading Here"), (BlockKind.PARAGRAPH, "We went.")]


def test_web_addresses_without_a_scheme_are_not_prose():
    from checker.readers.text import host_spans

    text = ("Voir mail.google.com, «example.org», docs.mail.fr/aide, bbc.co.uk/news et t.co/x. "
            "Pas p.ex. ni p.ej. ni sagte.es, was...so, Booking.com ou user@mail.com.")
    assert [text[a:b] for a, b in host_spans(text)] == [
        "mail.google.com", "example.org", "docs.mail.fr/aide", "bbc.co.uk/news", "t.co/x"]
    # a long run of labels is no host name (and is walked once: a review measured minutes)
    assert host_spans("Xa" + ".bb" * 5000) == []


def test_markdown_masks_the_labels_of_links_by_reference():
    # a new user's report: --fix rewrote [Kiev report][Kiev] as [Kyiv report][Kyiv], its
    # definition still [Kiev]: the link broke. A label naming a definition is markup; in [Kiev][]
    # and [Kiev] the text is the label. Brackets with no definition are prose
    text = ("Read our [Kiev report][Kiev], the [Kiev][] page, the [kiev] archive, [Kiev](https://a.b), "
            "[the Kiev page][kp] and [Odessa] in brackets.\n\n[KIEV]: https://example.com/kiev\n[kp]: /kp\n")
    prose = load_text(text, "a.md", lang="en").prose
    assert [m.group() for m in re.finditer(r"\w+", prose) if m.group().lower() == "kiev"] == ["Kiev", "Kiev", "Kiev"]
    assert prose.index("Kiev report") == text.index("Kiev report") and "Kiev page" in prose
    assert prose[text.index("[Odessa] in") + 1:].startswith("Odessa  in brackets")
    assert "archive" in prose and "kiev" not in prose
    # (a review: an image's label, and a link's whose text runs over a line break)
    text = "See ![Kiev skyline][Kiev] and the [report on\nKiev][Kiev] and [Kiev\nnews].\n\n[Kiev]: /k\n[kiev news]: /n\n"
    prose = load_text(text, "c.md", lang="en").prose
    assert prose.count("Kiev") == 2 and "news" not in prose and "skyline" in prose
    # (without definitions, nothing is a label)
    assert load_text("The [Kiev][] page and [Kiev].\n", "b.md", lang="en").prose.count("Kiev") == 2


def test_markdown_reads_a_no_break_space_reference_as_a_space():
    # a new user's report: "in order&nbsp;to" and "president&nbsp;in charge" escaped substitutions
    text = "We met in order&nbsp;to talk, said the president&#160;in charge.\n"
    prose = load_text(text, "a.md", lang="en").prose
    assert prose.split() == ["We", "met", "in", "order", "to", "talk,", "said", "the", "president", "in", "charge."]
    assert len(prose) == len(text)
