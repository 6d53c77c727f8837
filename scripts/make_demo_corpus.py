"""Write src/strife/data/demo/articles.jsonl.gz, the articles ``strife demo`` ingests.

Synthetic conflict and non-conflict articles from bench/corpus.py, plus a few hand-written
reports of the same attacks by several outlets in English and French, so that the demo has
merged events with several sources and disputed tolls. Run from the repository root:

    .venv/bin/python scripts/make_demo_corpus.py
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from bench.corpus import make_corpus
from strife.models import Article

OUT = Path("src/strife/data/demo/articles.jsonl.gz")
OUTLETS = ["Sahel Wire", "Le Courrier du Sahel", "West Africa Monitor", "Radio Niger Info"]

# (outlet, language, published, title, body): three attacks, each told by several outlets
SAME_ATTACKS = [
    (
        "Sahel Wire",
        "en",
        date(2025, 3, 10),
        "Dozens of soldiers killed in attack on Djibo army base",
        "Jihadists attacked a military detachment in Djibo in northern Burkina Faso on Sunday, "
        "killing 18 soldiers, security sources said. The attackers arrived on motorbikes at dawn "
        "and fighting lasted several hours. The army said reinforcements were sent from Ouahigouya.",
    ),
    (
        "West Africa Monitor",
        "en",
        date(2025, 3, 11),
        "JNIM claims Djibo assault",
        "The al-Qaeda affiliated JNIM claimed responsibility for the attack on the army base in "
        "Djibo on Sunday, saying its fighters killed 40 soldiers. The Burkinabe government said "
        "ten soldiers were killed and dozens of attackers were neutralised.",
    ),
    (
        "Le Courrier du Sahel",
        "fr",
        date(2025, 3, 10),
        "Burkina : attaque contre le détachement militaire de Djibo",
        "Des hommes armés ont attaqué dimanche le détachement militaire de Djibo, dans le nord du "
        "Burkina Faso, tuant au moins 25 soldats, selon une source sécuritaire. Les assaillants "
        "sont arrivés à moto à l'aube.",
    ),
    (
        "Sahel Wire",
        "en",
        date(2025, 4, 15),
        "Villagers killed near Menaka in eastern Mali",
        "Gunmen killed 22 civilians in an attack on a village near Menaka in eastern Mali on "
        "Monday, a local official said. The attackers, believed to be Islamic State fighters, "
        "burned houses and stole cattle.",
    ),
    (
        "Le Courrier du Sahel",
        "fr",
        date(2025, 4, 15),
        "Mali : des civils tués près de Ménaka",
        "Des hommes armés ont tué lundi 30 civils dans un village près de Ménaka, dans l'est du "
        "Mali, selon des sources locales. Les assaillants, présentés comme des combattants de "
        "l'État islamique, ont incendié des maisons.",
    ),
    (
        "Radio Niger Info",
        "fr",
        date(2025, 2, 20),
        "Niger : embuscade contre une patrouille de l'armée près de Banibangou",
        "Une patrouille de l'armée nigérienne est tombée mercredi dans une embuscade près de "
        "Banibangou, dans la région de Tillabéri, faisant 12 morts parmi les soldats, selon le "
        "ministère de la Défense.",
    ),
    (
        "West Africa Monitor",
        "en",
        date(2025, 2, 20),
        "Niger soldiers killed in ambush near Banibangou",
        "Suspected Islamic State fighters ambushed an army patrol near Banibangou in Niger's "
        "Tillaberi region on Wednesday, killing 12 soldiers, the defence ministry said. A local "
        "official said at least 17 soldiers died.",
    ),
]


def main() -> None:
    corpus = make_corpus(140, 60, seed=20251)
    articles = []
    for number, article in enumerate(corpus.conflict + corpus.other):
        outlet = OUTLETS[number % len(OUTLETS)]
        slug = outlet.lower().replace(" ", "-")
        articles.append(
            article.model_copy(
                update={
                    "outlet": outlet,
                    "title": article.text.split("\n", 1)[0],
                    # .invalid: these outlets do not exist, and the links must not resolve
                    "url": f"https://{slug}.invalid/{article.id}",
                }
            )
        )
    for outlet, language, published, title, body in SAME_ATTACKS:
        text = f"{title}\n\n{body}\n"
        article = Article(
            text=text, title=title, outlet=outlet, published=published, language=language
        )
        slug = outlet.lower().replace(" ", "-")
        articles.append(article.model_copy(update={"url": f"https://{slug}.invalid/{article.id}"}))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as fp:
        for article in articles:
            fp.write(json.dumps(article.model_dump(mode="json"), ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles written to {OUT}")


if __name__ == "__main__":
    main()
