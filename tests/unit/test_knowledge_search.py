"""Search of the local knowledge cache, on the demo knowledge base (46 pt-PT articles) loaded
into a real store through the sync's own path (`apply_page`).

The expected article of each query is the one an attendant asked about it needs: accents,
plurals and other inflections, and one-letter slips must not change it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.knowledge import Article, SyncPage
from desktop.store import knowledge_repo
from desktop.store import knowledge_text as kt
from desktop.store.knowledge_repo import KnowledgeRepo
from desktop.store.local_store import LocalStore
from tests.unit.knowledge_demo import demo_articles, demo_page


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeRepo]:
    store = LocalStore.open(Path(tmp_path_factory.mktemp("knowledge")) / "cache.sqlite3")
    knowledge = KnowledgeRepo(store)
    knowledge.apply_page(demo_page())
    yield knowledge
    store.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[KnowledgeRepo]:
    store = LocalStore.open(tmp_path / "cache.sqlite3")
    yield KnowledgeRepo(store)
    store.close()


def top(repo: KnowledgeRepo, query: str, language: str = "pt-PT") -> str | None:
    hits = repo.search(query, language)
    return hits[0].code if hits else None


QUERIES = [
    # accents typed or not, the same article
    ("certidão de toponímia", "certidao-toponimia"),
    ("certidao toponimia", "certidao-toponimia"),
    ("numero de policia", "certidao-toponimia"),
    ("atestado de residencia", "atestado-residencia"),
    ("informação prévia", "pedido-informacao-previa"),
    ("informacao previa", "pedido-informacao-previa"),
    ("licença especial de ruído", "licenca-especial-ruido"),
    ("mudança de titular", "mudanca-titular-estabelecimento"),
    ("iluminacao publica", "ocorrencia-iluminacao-publica"),
    ("estacionamento deficiencia", "cartao-estacionamento-deficiencia"),
    ("teleassistencia", "cartao-social-idosos"),
    # singular and plural, other inflections
    ("licencas ruido", "licenca-especial-ruido"),
    ("certidões teor processo", "certidao-teor-processo"),
    ("licença de utilização isenção", "certidao-isencao-licenca-utilizacao"),
    ("atestados residência", "atestado-residencia"),
    ("tapume", "ocupacao-via-publica-obras"),
    ("andaimes", "ocupacao-via-publica-obras"),
    ("esplanadas", "esplanada"),
    ("arraial", "licenca-recinto-improvisado"),
    ("arraiais", "licenca-recinto-improvisado"),
    ("candeeiros", "ocorrencia-iluminacao-publica"),
    ("buracos na estrada", "ocorrencia-buraco-via"),
    ("dísticos de residentes", "distico-residente"),
    ("distico comerciante", "distico-comerciante"),
    ("cães perigosos", "licenca-canideo-perigoso"),
    ("cao perigoso", "licenca-canideo-perigoso"),
    ("bibliotecas", "inscricao-biblioteca"),
    ("prestações", "pagamento-taxas-prestacoes"),
    ("pagar em prestacoes", "pagamento-taxas-prestacoes"),
    ("livro de reclamacoes", "livro-reclamacoes"),
    ("reclamar taxa", "reclamacao-taxa"),
    ("carro rebocado", "reboque-bloqueamento"),
    ("atualizar rendimentos", "habitacao-atualizacao-rendimentos"),
    ("renovacao cartao", "cartao-municipe"),
    ("renovação do cartão de munícipe", "cartao-municipe"),
    ("arvore caida", "ocorrencia-arvores"),
    # what an attendant hears at the counter
    ("candeeiro apagado", "ocorrencia-iluminacao-publica"),
    ("contentor do lixo", "contentores-residuos"),
    ("moveis velhos", "recolha-monos"),
    ("cão abandonado", "animais-errantes"),
    ("microchip", "registo-animal-companhia"),
    ("sorteio habitacao", "habitacao-renda-acessivel"),
    ("renda apoiada candidatura", "habitacao-candidatura-renda-apoiada"),
    ("reparacao habitacao municipal", "habitacao-pedido-reparacao"),
    ("apoio a renda", "apoio-renda"),
    ("apoio alimentar", "apoio-alimentar-emergencia"),
    ("rebaixamento de passeio", "acessibilidade-rebaixamento-passeio"),
    ("objeto perdido", "perdidos-achados"),
    ("tarifa de residuos", "taxa-residuos"),
    ("IMI", "imi-taxa-municipal"),
    ("PIP", "pedido-informacao-previa"),
    ("derrama", "derrama-informacao"),
    ("recenseamento eleitoral", "recenseamento-eleitoral"),
    ("grafitos fachada", "grafitos-limpeza"),
    ("comunicacao previa", "obras-isentas-comunicacao-previa"),
    # no article has every word: the one with most of them
    ("buraco na rua", "ocorrencia-buraco-via"),
    # the word being typed is a prefix
    ("esplan", "esplanada"),
    ("recens", "recenseamento-eleitoral"),
    ("certidao topon", "certidao-toponimia"),
    ("venda amb", "venda-ambulante"),
    # one-letter slips
    ("esplanda", "esplanada"),
    ("recenseamnto", "recenseamento-eleitoral"),
    ("bibloteca", "inscricao-biblioteca"),
    ("reboqe", "reboque-bloqueamento"),
    ("certidao toponimai", "certidao-toponimia"),
    ("licensa ruido", "licenca-especial-ruido"),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_the_article_an_attendant_needs_comes_first(
    repo: KnowledgeRepo, query: str, expected: str
) -> None:
    assert top(repo, query) == expected


def test_the_corpus_is_the_demo_one(repo: KnowledgeRepo) -> None:
    codes = {a["code"] for a in demo_articles()}
    assert repo.state().articles == len(codes) == 46
    assert {expected for _query, expected in QUERIES} <= codes


def test_all_the_certificates_for_certidao(repo: KnowledgeRepo) -> None:
    certidoes = {
        "certidao-teor-processo",
        "certidao-toponimia",
        "certidao-isencao-licenca-utilizacao",
    }
    for query in ("certidao", "Certidão", "certidoes", "CERTIDÕES"):
        assert {h.code for h in repo.search(query)[:3]} == certidoes, query


def test_licencas_finds_every_licence_and_highlights_the_singular(repo: KnowledgeRepo) -> None:
    hits = repo.search("licencas")
    codes = [h.code for h in hits]
    for code in (
        "licenca-especial-ruido",
        "licenca-canideo-perigoso",
        "licenca-recinto-improvisado",
    ):
        assert code in codes
    noise = next(h for h in hits if h.code == "licenca-especial-ruido")
    assert noise.title_html == "<b>Licença</b> especial de ruído"


def test_hits_carry_code_title_services_and_a_score(repo: KnowledgeRepo) -> None:
    hits = repo.search("distico residente")
    first = hits[0]
    assert (first.code, first.title) == (
        "distico-residente",
        "Dístico de estacionamento de residente",
    )
    assert first.service_codes == ("EST",)
    assert first.title_html == "<b>Dístico</b> de estacionamento de <b>residente</b>"
    assert first.score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_the_snippet_shows_where_the_word_is(repo: KnowledgeRepo) -> None:
    hit = repo.search("microchip")[0]
    assert "<b>microchip</b>" in hit.snippet_html.lower()
    assert len(hit.snippet_html) < 400


def test_the_limit_is_kept(repo: KnowledgeRepo) -> None:
    assert len(repo.search("municipal", limit=3)) == 3
    assert repo.search("municipal", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", ".,;!", "c", "-", "?"])
def test_nothing_to_look_for_finds_nothing(repo: KnowledgeRepo, query: str) -> None:
    assert repo.search(query) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', None),
        ('certidão" toponímia', "certidao-toponimia"),
        ('"certidao toponimia', "certidao-toponimia"),
        ("certidao* toponimia*", "certidao-toponimia"),
        ("*", None),
        ("AND", None),
        ("esplanada AND", "esplanada"),
        ("esplanada OR NOT", "esplanada"),
        ("(", None),
        ("licença (ruído", "licenca-especial-ruido"),
        ("NEAR(monos contentores)", "recolha-monos"),
        ("title: esplanada", "esplanada"),
        ("{title}: monos", "recolha-monos"),
        ("^derrama", "derrama-informacao"),
        ("monos -", "recolha-monos"),
        ("'; DROP TABLE knowledge_articles; --", None),
    ],
)
def test_fts_syntax_typed_is_just_text(
    repo: KnowledgeRepo, query: str, expected: str | None
) -> None:
    hits = repo.search(query)  # never an FTS5 syntax error
    if expected is not None:
        assert hits[0].code == expected
    assert repo.state().articles == 46


def test_titles_and_snippets_are_escaped_html(fresh: KnowledgeRepo) -> None:
    data = demo_articles()[0]
    variant = {
        **data["variants"][0],
        "title": "Taxas <script>alert(1)</script> & licenças",
        "summary": 'Valores "exemplo" <i>não</i> finais & licenças a pagar.',
    }
    article = Article.from_json({**data, "variants": [variant]})
    fresh.apply_page(SyncPage((article,), (), "c", False))
    hit = fresh.search("licencas")[0]
    assert hit.title_html == ("Taxas &lt;script&gt;alert(1)&lt;/script&gt; &amp; <b>licenças</b>")
    assert "<i>" not in hit.snippet_html
    assert "&lt;i&gt;" in hit.snippet_html
    assert "&amp; <b>licenças</b>" in hit.snippet_html
    assert hit.title == variant["title"]  # the plain title stays as written


def test_another_language_prefers_its_variant_and_falls_back_to_pt(repo: KnowledgeRepo) -> None:
    english = repo.search("certificate residence", language="en")
    assert english[0].code == "atestado-residencia"
    assert english[0].title_html == "<b>Certificate</b> of <b>residence</b>"
    # An article without an English variant is found by its Portuguese words.
    fallback = repo.search("toponimia", language="en")
    assert fallback[0].code == "certidao-toponimia"
    assert fallback[0].title == "Certidão de toponímia e número de polícia"
    # Words of both: the English variant is the one shown.
    both = repo.search("atestado", language="en")
    assert both[0].code == "atestado-residencia"
    # Spanish (no article has it) searches pt-PT; en-GB is English.
    assert top(repo, "esplanadas", "es") == "esplanada"
    assert top(repo, "parking permit", "en-GB") == "distico-residente"


def test_related_articles_for_a_case_description(repo: KnowledgeRepo) -> None:
    description = (
        "O munícipe queixa-se de um buraco enorme no pavimento da rua em frente a casa, "
        "já caiu uma pessoa."
    )
    related = repo.related(description)
    assert related[0].code == "ocorrencia-buraco-via"
    assert len(related) <= 5
    lamp = repo.related("O candeeiro da rua está apagado há uma semana.", limit=2)
    assert lamp[0].code == "ocorrencia-iluminacao-publica"
    assert len(lamp) <= 2
    assert repo.related("") == []
    assert repo.related("de um a o que") == []


def test_articles_of_a_service_by_title(repo: KnowledgeRepo) -> None:
    parking = repo.for_services(["EST"])
    assert [a.code for a in parking] == [
        "distico-residente",  # Dístico de estacionamento de residente
        "distico-comerciante",  # Dístico de estacionamento para comerciantes
        "cartao-estacionamento-deficiencia",  # Lugar de estacionamento ...
        "reboque-bloqueamento",
    ]
    both = {a.code for a in repo.for_services(["HAB", "SOC"])}
    assert "apoio-renda" in both
    assert "cartao-social-idosos" in both
    assert repo.for_services([]) == []
    assert repo.for_services(["NOPE"]) == []


def test_broad_words_rank_a_bounded_set_and_still_answer(
    fresh: KnowledgeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh.apply_page(demo_page())
    monkeypatch.setattr(knowledge_repo, "RANK_CAP", {"knowledge_titles": 3, "knowledge_fts": 3})
    # "municipal" is in most articles: only the first 3 matching rows of each table are ranked.
    hits = fresh.search("municipal", limit=20)
    assert 0 < len(hits) <= 6
    assert all("<b>" in h.title_html + h.snippet_html for h in hits)
    # A narrow query is unaffected.
    assert fresh.search("microchip")[0].code == "registo-animal-companhia"


def test_typed_words_become_terms() -> None:
    assert kt.query_terms("Renovação do Cartão") == [kt.Term("renovacao"), kt.Term("cartao", True)]
    assert kt.query_terms("cartao ") == [kt.Term("cartao")]  # a space: the word is complete
    assert kt.query_terms("de ") == [kt.Term("de")]  # only stopwords: kept
    assert kt.query_terms("licença licença d") == [kt.Term("licenca")]  # one letter: not yet
    assert kt.query_terms('"*(") AND') == [kt.Term("and", True)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("esplanada", "esplanada", True),
        ("esplanda", "esplanada", True),  # a letter missing
        ("esplannada", "esplanada", True),  # one too many
        ("esplanadq", "esplanada", True),  # one wrong
        ("epslanada", "esplanada", True),  # two swapped
        ("esplnda", "esplanada", False),
        ("sepalnada", "esplanada", False),
    ],
)
def test_one_typing_slip(a: str, b: str, expected: bool) -> None:
    assert kt.within_one_edit(a, b) is expected
    assert kt.within_one_edit(b, a) is expected


def test_inflections_share_a_stem() -> None:
    for group in (
        ["certidão", "certidões", "certidao", "certidoes"],
        ["licença", "licenças", "licenciamento"],
        ["renovação", "renovacao", "renovar"],
        ["cartão", "cartões", "cartoes"],
        ["animal", "animais"],
        ["residência", "residencia", "residente"],
    ):
        assert len({kt.stem(kt.fold(w), "pt-PT") for w in group}) == 1, group


def test_numbers_and_codes_are_their_own_stems() -> None:
    assert [kt.stem(w, "pt-PT") for w in ("2027", "a1", "10mb")] == ["2027", "a1", "10mb"]
    assert kt.stemmed("Lei 75/2013, artigos", "pt-PT") == "0lei 075 02013 0artig"


def test_markdown_becomes_one_line_of_plain_text() -> None:
    body = (
        "## Como pedir\n\n1. Traga o **cartão** e o `NIF`\n- Veja a [tabela](https://x.pt/t)"
        "\n> Nota:\x07 prazo de *10* dias"
    )
    expected = "Como pedir Traga o cartão e o NIF Veja a tabela Nota: prazo de 10 dias"
    assert kt.plain(body) == expected


def test_what_is_being_typed_is_looked_for_in_words_not_in_stems(repo: KnowledgeRepo) -> None:
    """Stems are indexed as their own tokens (`knowledge_text.STEM_MARK`): the prefix of the
    word being typed never reaches them, and matches what articles say as written."""
    assert kt.stem_token("licenças", "pt-PT") == "0licenc"
    assert [h.code for h in repo.search("0lic")] == []
    assert repo.search("licen")[0].title.startswith("Licen")


def test_a_body_match_is_found_by_the_stems_kept_beside_the_body(fresh: KnowledgeRepo) -> None:
    """A word only the body has, in another inflection, deep in it: the snippet is cut around
    it (found in the stored stem tokens, not by stemming the body again) and bolds it."""
    data = demo_articles()[0]
    filler = " ".join(["O pedido segue os passos habituais do serviço."] * 12)
    variant = {
        **data["variants"][0],
        "title": "Pedido de apoio",
        "summary": "Como pedir o apoio.",
        "required_documents": ["Documento de identificação"],
        "body_md": f"{filler} No fim, traga as **vacinações** do animal. {filler}",
    }
    article = Article.from_json({**data, "variants": [variant], "tags": []})
    fresh.apply_page(SyncPage((article,), (), "c", False))
    hit = fresh.search("vacinacao ")[0]
    assert hit.snippet_html.startswith("…")
    assert "traga as <b>vacinações</b> do animal" in hit.snippet_html
    assert len(hit.snippet_html) < 260


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Traga o cartão e as licenças de obra", "licenca", "licenças de obra"),
        ("Licenças primeiro", "licencas", "Licenças primeiro"),
        ("cartão cartão", "cartoes", "cartão cartão"),  # the first of two
        ("nada a ver", "licenca", None),
        ("", "licenca", None),
    ],
)
def test_the_first_stem_match_of_a_text(text: str, query: str, expected: str | None) -> None:
    matcher = kt.Matcher(kt.query_terms(query + " "), "pt-PT")
    at = kt.first_stem_match(text, kt.stemmed(text, "pt-PT"), matcher)
    assert (text[at:] if at is not None else None) == expected


def test_a_typed_number_led_by_the_stem_mark_is_no_prefix_of_stems() -> None:
    """`0800` being typed is looked for as a whole word: as a prefix it would reach the stem
    tokens of numbers (`0` + `800…`)."""
    expression = kt.match_expression(kt.query_terms("0800"), "pt-PT")
    assert expression == '("00800")'
    assert kt.match_expression(kt.query_terms("lic"), "pt-PT") == '("lic"* OR "0lic")'


def test_prepare_stems_the_title_words_once_per_change(fresh: KnowledgeRepo) -> None:
    """The first keystrokes after a start would otherwise stem (pure Python) every word of the
    titles they highlight."""
    fresh.apply_page(demo_page())
    kt.stem.cache_clear()
    fresh.prepare()
    stemmed = kt.stem.cache_info().currsize
    assert stemmed > 200  # the demo's titles and tags
    assert kt.stem.cache_info().hits == 0
    kt.stem("certidao", "pt-PT")  # a title word: already there
    assert kt.stem.cache_info().hits == 1
    fresh.prepare()  # nothing new since: not again
    assert kt.stem.cache_info().hits == 1
    fresh.apply_page(SyncPage((), (), "c2", False))
    fresh.prepare()
    assert kt.stem.cache_info().hits > 1 + stemmed // 2
