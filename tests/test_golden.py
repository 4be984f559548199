"""The golden-file comparison: shipped stylesheets and scripts are named, everything else kept."""

from __future__ import annotations

from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.html.fragment import render_html
from publisher.resources import templates_dir
from tests.helpers.golden import without_shipped_assets
from tests.helpers.paths import FEATURES_FAQ

CSS = "/* templates/fragment/fragment.css */"
SCRIPT = "/* templates/fragment/reveal.js */"


def fragment(**options) -> str:
    return render_html(parse_source(FEATURES_FAQ), Theme(**options)).data.decode("utf-8")


def test_shipped_stylesheet_and_script_become_their_names():
    html = fragment()
    normalised = without_shipped_assets(html)
    assert normalised.count(CSS) == 1 and normalised.count(SCRIPT) == 1
    for name in ("fragment.css", "reveal.js"):
        shipped = (templates_dir() / "fragment" / name).read_text(encoding="utf-8").strip()
        assert shipped in html and shipped not in normalised
    assert len(html) - len(normalised) > 5000


def test_brand_properties_and_json_ld_stay():
    html = fragment()
    normalised = without_shipped_assets(html)
    assert "--faqp-primary: #1d4f73;" in normalised
    json_ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json_ld.strip() and json_ld in normalised


def test_a_fragment_without_script_names_only_the_stylesheet():
    normalised = without_shipped_assets(fragment(script=False, jsonld=False))
    assert CSS in normalised and SCRIPT not in normalised and "<script" not in normalised


def test_other_text_is_left_alone():
    html = "<p>/* not a style */ body { color: red }</p><style>.x { color: red }</style>"
    assert without_shipped_assets(html) == html
