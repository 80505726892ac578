"""A generated knowledge base for the knowledge benches: N articles of varied pt-PT vocabulary
about municipal procedures (a kind of request, its subject, who asks, a parish; summaries,
required documents and bodies drawn from a few hundred words of municipal Portuguese, with
their plurals, at Zipf frequencies), every fifth with an English variant too. The search bench
types queries over it; the sync bench has central serve it. Articles as central's sync sends
them (`article_json`).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

KINDS = [
    "Certidão", "Licença", "Autorização", "Pedido", "Atestado", "Dístico", "Cartão",
    "Inscrição", "Candidatura", "Renovação", "Reclamação", "Vistoria", "Registo", "Apoio",
    "Isenção", "Ocupação", "Comunicação prévia", "Segunda via", "Alteração", "Cancelamento",
    "Averbamento", "Parecer", "Declaração", "Reembolso", "Devolução", "Participação",
]  # fmt: skip
SUBJECTS = [
    "de residência", "de obras", "especial de ruído", "de esplanada", "de estacionamento",
    "de publicidade exterior", "de habitação municipal", "de toponímia", "de utilização",
    "de venda ambulante", "de recinto improvisado", "de animal de companhia", "de munícipe",
    "de biblioteca", "de via pública", "de contentores", "de recolha de monos", "de árvores",
    "de iluminação pública", "de passeios", "de taxas municipais", "de água e saneamento",
    "de feira", "de mercado municipal", "de cemitério", "de jazigo", "de transporte escolar",
    "de refeições escolares", "de piscina municipal", "de pavilhão desportivo", "de horta urbana",
    "de loteamento", "de demolição", "de ocupação de espaço público", "de táxi",
    "de atividade económica", "de estabelecimento", "de evento cultural", "de fogo de artifício",
    "de queimada", "de canil", "de bicicleta partilhada", "de eficiência energética",
]  # fmt: skip
WHO = [
    "", "para residentes", "para comerciantes", "para idosos", "para estudantes",
    "para associações", "para empresas", "para pessoas com deficiência", "para famílias",
    "para proprietários", "para arrendatários", "para feirantes",
]  # fmt: skip
PARISHES = [
    "Alvalade", "Benfica", "Belém", "Lumiar", "Olivais", "Marvila", "Arroios", "Areeiro",
    "Campolide", "Estrela", "Misericórdia", "Penha de França", "Santa Clara", "São Vicente",
    "Ajuda", "Alcântara", "Avenidas Novas", "Carnide", "Parque das Nações", "Santo António",
]  # fmt: skip
_WORD_TEXT = """
pedido requerimento documento documentos comprovativo comprovativos morada moradas cartão
cidadão cidadãos identificação fiscal número contribuinte prazo prazos dias úteis taxa taxas
pagamento pagamentos prestação prestações valor valores exemplo tabela regulamento municipal
municipais câmara junta freguesia freguesias balcão balcões atendimento marcação senha
online presencial correio eletrónico telefone formulário formulários assinatura procuração
representante legal herdeiro herdeiros proprietário proprietários inquilino senhorio contrato
arrendamento renda rendas habitação habitações fogo fogos reparação reparações obra obras
projeto projetos arquitetura especialidades planta plantas localização fotografia fotografias
memória descritiva licenciamento alvará alvarás vistoria vistorias técnico técnicos fiscalização
coima coimas contraordenação notificação notificações audiência prévia decisão decisões
deferimento indeferimento recurso recursos reclamação reclamações esclarecimento informação
informações aviso avisos edital editais consulta pública participação participações
estacionamento lugar lugares viatura viaturas veículo veículos matrícula dístico dísticos
zona zonas residente residentes comerciante comerciantes parquímetro reboque bloqueamento
passeio passeios passadeira passadeiras acessibilidade mobilidade rampa rampas
iluminação candeeiro candeeiros pavimento buraco buracos calçada esgoto esgotos sarjeta
contentor contentores resíduos recolha lixo monos reciclagem ecoponto ecopontos limpeza
grafitos fachada fachadas árvore árvores poda ramos jardim jardins parque parques
animal animais cão cães gato gatos canil vacina vacinação microchip licença licenças
ruído ruídos evento eventos festa festas arraial arraiais concerto concertos horário horários
esplanada esplanadas mesa mesas cadeira cadeiras toldo toldos guarda-sol publicidade reclamo
reclamos letreiro letreiros montra montras estabelecimento estabelecimentos restauração
comércio mercado mercados feira feiras venda ambulante lugar terrado bancada
escola escolas aluno alunos refeição refeições transporte escolar ação social apoio apoios
idoso idosos família famílias rendimento rendimentos agregado escalão escalões bolsa bolsas
biblioteca bibliotecas livro livros leitor leitores cultura museu museus piscina piscinas
desporto pavilhão ginásio inscrição inscrições mensalidade desconto descontos isenção isenções
certidão certidões atestado atestados declaração declarações segunda via perda roubo extravio
cemitério jazigo sepultura ossário trasladação inumação exumação funeral funerária
água saneamento contador contadores fatura faturas leitura leituras rotura fuga avaria avarias
energia eficiência painel painéis solar solares isolamento janela janelas caixilharia
loteamento lote lotes demolição construção reconstrução ampliação alteração utilização
ocupação andaime andaimes tapume tapumes grua gruas entulho caução garantia seguro
"""
WORDS = _WORD_TEXT.split()


# Words of real text follow Zipf's law: a few in most articles, most in few. Drawing them
# uniformly would put each of these words in a quarter of the articles, which no knowledge base
# does. The order of WORDS is shuffled once (seeded) and word k is drawn with weight 1/(k+1).
_ZIPF = [1.0 / (k + 1) for k in range(len(WORDS))]


def _pick(rng: random.Random, count: int, order: list[str]) -> str:
    return " ".join(rng.choices(order, weights=_ZIPF, k=count))


def _sentence(rng: random.Random, order: list[str]) -> str:
    words = _pick(rng, rng.randint(8, 16), order)
    return words[0].upper() + words[1:] + "."


def article_json(n: int, rng: random.Random, order: list[str]) -> dict[str, Any]:
    kind, subject, who = rng.choice(KINDS), rng.choice(SUBJECTS), rng.choice(WHO)
    parish = rng.choice(PARISHES)
    title = " ".join(x for x in (kind, subject, who, f"({parish})") if x)
    variant = {
        "language": "pt-PT",
        "title": title,
        "summary": " ".join(_sentence(rng, order) for _ in range(2)),
        "body_md": "## Como pedir\n\n"
        + "\n".join(f"{i}. {_sentence(rng, order)}" for i in range(1, rng.randint(4, 8)))
        + "\n\n## A ter em conta\n\n"
        + " ".join(_sentence(rng, order) for _ in range(rng.randint(3, 8))),
        "required_documents": [_sentence(rng, order) for _ in range(rng.randint(1, 4))],
        "fees": [{"label": "Emissão", "amount": "5.00", "currency": "EUR", "note": "exemplo"}],
        "deadline": f"Até {rng.randint(1, 30)} dias úteis.",
        "legal_basis": "Regulamento municipal aplicável.",
    }
    variants = [variant]
    if n % 5 == 0:
        english = {"language": "en", "title": f"Municipal procedure {n}", "body_md": ""}
        variants.append({**english, "summary": "A request at the municipal counter.",
                         "required_documents": [], "fees": [], "deadline": "",
                         "legal_basis": ""})  # fmt: skip
    return {
        "id": n,
        "code": f"artigo-{n:06d}",
        "version": 2,
        "published_at": NOW.isoformat(),
        "owner": "Divisão de Atendimento",
        "review_by": "2027-06-30",
        "service_codes": [rng.choice(["ATG", "URB", "TAX", "HAB", "ESP", "EST", "REG", "SOC"])],
        "tags": [kind.lower(), parish.lower()],
        "variants": variants,
    }


def word_order(rng: random.Random) -> list[str]:
    """WORDS in a seeded order: word k of it is drawn with weight 1/(k+1)."""
    order = sorted(WORDS)
    rng.shuffle(order)
    return order
