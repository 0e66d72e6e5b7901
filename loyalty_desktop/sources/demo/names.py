"""Identity data for the demo loyalty program: French and English names, consumer email
domains, French/UK mobile numbers. Pure functions driven by a `random.Random`; no I/O.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

FR_FIRST_F = """Camille Léa Manon Chloé Emma Inès Sarah Jade Louise Alice Juliette Clara Lucie Zoé
Marie Anaïs Mathilde Pauline Margaux Océane Justine Charlotte Élodie Laura Julie Émilie Aurélie
Sophie Céline Nathalie Isabelle Sandrine Valérie Stéphanie Caroline Virginie Audrey Mélanie Amandine
Hélène Claire Agathe Capucine Romane Maëlys Lina Éloïse Constance Solène Coralie Gaëlle Laetitia
Delphine Florence Christine Catherine Sylvie Martine Françoise Brigitte Monique Josiane Ophélie
Bérénice Apolline Victoire Héloïse Noémie Mélissa Morgane Lou Anne Marion Adèle""".split()

FR_FIRST_M = """Lucas Hugo Louis Gabriel Arthur Jules Raphaël Adam Léo Nathan Thomas Théo Maxime
Antoine Alexandre Nicolas Julien Pierre Paul Baptiste Clément Romain Quentin Mathieu Guillaume
Benjamin Florian Kévin Sébastien Olivier Christophe Philippe Laurent Éric Stéphane Frédéric
David Jérôme Vincent Cédric Arnaud Damien Yannick Thierry Patrick Michel Alain Bernard Jean-Pierre
Jean-Marc François Étienne Mathis Noé Timothée Valentin Bastien Loïc Gaël Aurélien Benoît Rémi
Gaspard Augustin Victor Achille Côme Martin Simon Tristan Jean Marc Denis Yves""".split()

FR_LAST = """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel
Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau
Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand
Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand
Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière
Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal
Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre
Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger
Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein
Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard
Baron Bertin Bailly Hervé Schneider Fernandez Le\u00a0Gall Collet Léger Bouvier Julien Prévost
Millet Perrot Daniel Le\u00a0Roux Cousin Germain Breton Besson Langlois Rémy Le\u00a0Goff Pelletier
Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud
Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin Chauvin Da\u00a0Silva
Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier
Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte""".replace("\u00a0", "_").split()

EN_FIRST_F = """Olivia Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily Evie Isabella Charlotte
Jessica Daisy Freya Alice Sienna Florence Ruby Matilda Emma Hannah Lucy Chloe Sophie Holly Megan
Rebecca Laura Rachel Sarah Kate Helen Victoria Abigail Harriet Eleanor Imogen Phoebe Rosie Zara
Naomi Jennifer Elizabeth Catherine Claire Fiona Joanna Natalie Gemma""".split()

EN_FIRST_M = """Oliver George Harry Noah Jack Leo Arthur Muhammad Oscar Charlie Jacob Thomas Henry
William Freddie Alfie Theo James Joshua Archie Ethan Isaac Alexander Joseph Edward Samuel Max
Daniel Benjamin Lucas Mason Logan Dylan Harrison Sebastian Adam Callum Matthew Andrew David
Michael Richard Paul Mark Simon Peter Stephen Christopher Robert Jonathan Nathan Luke Ryan Owen""".split()

EN_LAST = """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson
Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner
Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips
Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey
Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum
Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen
Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon
Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds
Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson
Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart
Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Stone Parsons""".split()

# (domain, weight): real consumer mailbox providers, by audience.
FR_DOMAINS = (
    ("gmail.com", 34), ("orange.fr", 12), ("hotmail.fr", 8), ("free.fr", 7), ("yahoo.fr", 6),
    ("icloud.com", 6), ("laposte.net", 5), ("outlook.fr", 5), ("sfr.fr", 4), ("wanadoo.fr", 3),
    ("live.fr", 3), ("hotmail.com", 3), ("outlook.com", 2), ("protonmail.com", 1), ("neuf.fr", 1),
    ("bbox.fr", 1),
)
EN_DOMAINS = (
    ("gmail.com", 40), ("icloud.com", 10), ("outlook.com", 10), ("hotmail.com", 9),
    ("hotmail.co.uk", 6), ("yahoo.com", 6), ("yahoo.co.uk", 5), ("btinternet.com", 3),
    ("live.co.uk", 3), ("protonmail.com", 2), ("me.com", 2), ("aol.com", 2),
)
FORBIDDEN_DOMAINS = ("example.com", "example.org", "example.net", "test.com", "test.fr", "invalid")

FR_SHARE = 0.6  # share of French-named members


def _slug(name: str) -> str:
    """ASCII, lower-case, no spaces/apostrophes; keeps hyphens ("jean-pierre")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return s.replace("_", "").replace("'", "").replace(" ", "")


slug = _slug


def _cum(pairs: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    names, cum, t = [], [], 0
    for n, w in pairs:
        t += w
        names.append(n)
        cum.append(t)
    return names, cum


# Pre-computed (display, slug) pairs so identity generation does no Unicode work per member.
def _pairs(names: list[str]) -> list[tuple[str, str]]:
    return [(n.replace("_", " "), _slug(n)) for n in names]


_FR_F, _FR_M, _FR_L = _pairs(FR_FIRST_F), _pairs(FR_FIRST_M), _pairs(FR_LAST)
_EN_F, _EN_M, _EN_L = _pairs(EN_FIRST_F), _pairs(EN_FIRST_M), _pairs(EN_LAST)
_FR_DOM, _EN_DOM = _cum(FR_DOMAINS), _cum(EN_DOMAINS)

# email local-part patterns: (weight, pattern id)
_PATTERNS = _cum(
    (("f.l", 30), ("fl", 10), ("il", 9), ("f.lNN", 12), ("f_l", 4), ("l.f", 5), ("fNN", 6),
     ("f.i", 3), ("flNNNN", 4), ("i.l", 6), ("f-l", 3), ("fl.NN", 3))
)


def _local(rng: random.Random, f: str, ln: str, byear: int | None) -> str:
    p = rng.choices(_PATTERNS[0], cum_weights=_PATTERNS[1])[0]
    f2, l2 = f.replace("-", ""), ln.replace("-", "")
    if "NN" in p:
        yy = byear if (byear and rng.random() < 0.6) else rng.randint(1, 99)
        nn = f"{yy % 100:02d}" if "NNNN" not in p else f"{byear or rng.randint(1955, 2005)}"
    else:
        nn = ""
    if p == "f.l":
        return f"{f}.{ln}"
    if p == "fl":
        return f2 + l2
    if p == "il":
        return f2[0] + l2
    if p == "f.lNN":
        return f"{f}.{ln}{nn}"
    if p == "f_l":
        return f"{f2}_{l2}"
    if p == "l.f":
        return f"{ln}.{f}"
    if p == "fNN":
        return f2 + nn
    if p == "f.i":
        return f"{f}.{l2[0]}"
    if p == "flNNNN":
        return f2 + l2 + nn
    if p == "i.l":
        return f"{f2[0]}.{l2}"
    if p == "f-l":
        return f"{f2}-{l2}"
    return f"{f2}{l2}.{nn}"


def make_email(
    rng: random.Random, locale: str, fslug: str, lslug: str, byear: int | None,
    is_free: Callable[[str], bool],
) -> str:
    """A plausible unique address; `is_free(email)` says whether it is still unused."""
    names, cum = _FR_DOM if locale == "fr" else _EN_DOM
    domain = rng.choices(names, cum_weights=cum)[0]
    local = _local(rng, fslug, lslug, byear)
    email = f"{local}@{domain}"
    tries = 0
    while not is_free(email):
        tries += 1
        digits = rng.randint(2, 99) if tries < 5 else rng.randint(100, 99999)
        email = f"{local}{digits}@{domain}" if tries % 2 else f"{local}.{digits}@{domain}"
    return email


def make_name(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(locale, first, last, first_slug, last_slug). Locale "fr" for ~60 %."""
    fr = rng.random() < FR_SHARE
    female = rng.random() < 0.62  # the shop's audience leans female
    if fr:
        f = rng.choice(_FR_F if female else _FR_M)
        ln = rng.choice(_FR_L)
    else:
        f = rng.choice(_EN_F if female else _EN_M)
        ln = rng.choice(_EN_L)
    return ("fr" if fr else "en"), f[0], ln[0], f[1], ln[1]


def make_phone(rng: random.Random, locale: str) -> str | None:
    """E.164 mobile: French +336/+337 for most, UK +447 for some English speakers; ~12 % missing."""
    if rng.random() < 0.12:
        return None
    if locale == "en" and rng.random() < 0.35:
        return f"+447{rng.randint(100000000, 999999999)}"
    return f"+33{rng.choice('6667')}{rng.randint(0, 99999999):08d}"
