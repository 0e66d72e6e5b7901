"""Column headers in French and English → catalog fields, and the mapping saved per file shape.

A header is folded (accents, case, punctuation, camelCase, plural `s`, filler words such as
"de", "du", "the") into tokens, then matched against each field's vocabulary: an exact match
beats a header that merely contains a synonym's words ("Solde de points du client" contains
"solde points"); generic single words ("Points", "Nom", "Date", "ID") only match exactly.
Each field takes at most one column and each column at most one field, best match first.

Two kinds of file: *members* (one row per member; fields are the catalog's keys) and *ledger*
(one row per points movement; fields listed in `LEDGER_FIELDS`). The kind is recognised from the
headers too. The mapping the user confirms or corrects is saved per *file shape* (kind + headers)
in `spreadsheet-mappings.json` in the data folder, so next month's export of the same shape is
read the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import CATALOG, CATALOG_BY_KEY, FieldType
from loyalty_desktop.sources.spreadsheet.derived_words import DERIVED_VOCABULARY
from loyalty_desktop.sources.spreadsheet.words import fold

MEMBERS, LEDGER = "members", "ledger"
KINDS = (MEMBERS, LEDGER)
MAPPINGS_FILE = "spreadsheet-mappings.json"

# Ledger columns: what one points movement can say.
LEDGER_FIELDS: dict[str, str] = {
    "email": "text",
    "transaction_id": "text",  # the program's own id for the movement, when the export has one
    "at": "datetime",
    "points_change": "signed int",  # signed: +50 earned, -200 spent
    "points_credit": "int",  # or two columns: points earned …
    "points_debit": "int",  # … and points spent
    "reason": "text",
    "description": "text",
    "balance_after": "int",
    "reward_code": "text",
    "reward_name": "text",
    "reward_expires_at": "datetime",
    "reward_used_at": "datetime",
}
FIELD_TYPES: dict[str, dict[str, str]] = {
    MEMBERS: {f.key: f.type.value for f in CATALOG},
    LEDGER: LEDGER_FIELDS,
}

_EMAIL = ("email", "e-mail", "e mail", "mail", "courriel", "adresse email", "adresse e-mail", "adresse mail",
          "adresse electronique", "email address", "customer email", "client email", "email client",
          "contact email")

# "=word" matches only a header that is exactly that word.
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    MEMBERS: {
        "email": _EMAIL,
        "phone": ("phone", "telephone", "=tel", "phone number", "mobile", "portable", "numero de telephone",
                  "numero de portable", "cell phone", "gsm"),
        "first_name": ("first name", "firstname", "prenom", "given name", "forename"),
        "last_name": ("last name", "lastname", "surname", "=nom", "nom de famille", "family name"),
        "external_id": ("=id", "customer id", "client id", "id client", "=identifiant", "identifiant client",
                        "customer number", "numero client", "numero de client", "shopify id",
                        "shopify customer id", "reference client", "=ref", "=reference"),
        "points_balance": ("=points", "points balance", "point balance", "=balance", "=solde", "solde points",
                           "solde de points", "points disponibles", "available points", "current points",
                           "points actuels", "points restants", "remaining points", "nombre de points",
                           "customer point balance", "solde de points du client", "points balance customer"),
        "points_earned_lifetime": ("lifetime points", "points earned", "total points earned", "points gagnes",
                                   "points cumules", "cumul de points", "cumul points", "points acquis",
                                   "total des points gagnes", "points totaux", "=lifetime",
                                   "points earned lifetime", "lifetime points earned"),
        "missions_completed": ("missions", "missions completed", "nombre de missions", "missions count",
                               "missions realisees", "missions accomplies", "actions completed",
                               "ways to earn completed", "customer missions count"),
        "rewards_claimed": ("rewards", "rewards claimed", "recompenses", "nombre de recompenses",
                            "rewards count", "recompenses obtenues", "recompenses reclamees", "claimed rewards",
                            "customer rewards count"),
        "referrals_completed": ("referrals", "parrainages", "nombre de parrainages", "referrals count",
                                "referrals completed", "filleuls", "nombre de filleuls", "parrainages reussis",
                                "completed referrals", "successful referrals", "customer referrals count"),
        "tier_name": ("tier", "palier", "niveau", "vip tier", "tier name", "vip tier name", "statut vip",
                      "=rang", "vip level", "loyalty tier", "customer vip tier name", "=vip", "nom du palier",
                      "niveau vip", "palier vip", "niveau de fidelite", "customer tier"),
        "tier_id": ("tier id", "vip tier id", "id palier", "id du palier", "id niveau", "palier id",
                    "tier number", "numero de palier"),
        "referral_url": ("referral url", "referral link", "lien de parrainage", "url de parrainage",
                         "lien parrainage", "share link", "lien de partage", "referral code url"),
        "membership_state": ("=state", "=status", "=statut", "=etat", "membership state", "member status",
                             "smile state", "statut membre", "statut du membre", "membership status",
                             "loyalty status", "statut fidelite", "program status", "=enrolled"),
        "birthday": ("birthday", "birth date", "date of birth", "=dob", "anniversaire", "date de naissance",
                     "customer birthdate", "birthdate", "date anniversaire", "ne le", "naissance"),
        "points_expiring": ("points expiring", "expiring points", "points expirant", "points qui expirent",
                            "points a expirer", "points expirables", "next expiring points",
                            "points bientot expires"),
        "points_expiry_date": ("points expiry date", "expiry date", "expiration date", "date d expiration",
                               "date expiration des points", "points expire at", "=expiration",
                               "date d expiration des points", "expire le", "expires at",
                               "points expiration date", "points expirent le", "expiration des points"),
        "member_since": ("member since", "created at", "joined", "join date", "date d inscription", "inscrit le",
                         "membre depuis", "signup date", "date de creation", "=created", "date inscription",
                         "enrolled at", "date d adhesion", "adhesion", "creation date", "customer since",
                         "client depuis"),
        "last_activity_at": ("last activity", "derniere activite", "last seen", "last activity at",
                             "date de derniere activite", "last active", "derniere visite"),
    },
    LEDGER: {
        "email": _EMAIL,
        "transaction_id": ("=id", "transaction id", "id transaction", "=identifiant", "movement id",
                           "id mouvement", "id operation", "operation id", "points transaction id"),
        "at": ("=date", "datetime", "created at", "date operation", "date de l operation", "transaction date",
               "date transaction", "=horodatage", "timestamp", "date mouvement", "date du mouvement",
               "date heure", "date et heure", "occurred at", "=quand", "=when"),
        "points_change": ("=points", "points change", "=change", "variation", "mouvement", "=delta",
                          "points variation", "variation de points", "=montant", "=amount", "points amount",
                          "nombre de points", "points earned or spent", "points gagnes ou depenses"),
        "points_credit": ("points earned", "points gagnes", "=credit", "points credites", "=earned", "=gagnes",
                          "points acquis"),
        "points_debit": ("points spent", "points depenses", "=debit", "points debites", "=spent", "=depenses",
                         "points utilises", "points used"),
        "reason": ("reason", "raison", "motif", "=type", "=kind", "=source", "=action", "=operation",
                   "type d operation", "type de mouvement", "transaction type", "=origine", "categorie",
                   "category", "=event"),
        "description": ("description", "libelle", "commentaire", "comment", "=note", "internal note", "details",
                        "detail", "=message", "note interne"),
        "balance_after": ("=balance", "balance after", "=solde", "solde apres", "new balance", "nouveau solde",
                          "points balance", "solde de points", "running balance", "solde apres operation"),
        "reward_code": ("reward code", "=code", "code promo", "code de reduction", "coupon", "coupon code",
                        "discount code", "code recompense", "code reduction", "=voucher", "code du bon",
                        "promo code"),
        "reward_name": ("reward", "reward name", "recompense", "nom de la recompense", "=offre", "reward title"),
        "reward_expires_at": ("reward expiry", "reward expires at", "code expiry", "expiration du code",
                              "date d expiration du code", "coupon expiry", "expires at", "=expiry", "=expiration",
                              "valable jusqu au", "valid until", "date de fin de validite", "expire le",
                              "reward expiration", "date d expiration"),
        "reward_used_at": ("reward used at", "used at", "utilise le", "date d utilisation", "code utilise le",
                           "=used"),
    },
}

_STOP = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "the", "of", "a", "au", "aux", "en", "et",
                   "and", "for", "par", "per", "on", "at", "in", "is", "un", "une", "s"})


def tokens(header: str) -> tuple[str, ...]:
    """Folded words of a header: 'Solde de points (du client)' → ('solde', 'point', 'client')."""
    s = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(header))
    s = re.sub(r"[^a-z0-9]+", " ", fold(s))
    out = []
    for w in s.split():
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return tuple(out)


def norm(header: str) -> str:
    return " ".join(tokens(header))


@dataclass(frozen=True, slots=True)
class _Synonym:
    tokens: tuple[str, ...]
    exact_only: bool


def _compile(vocab: dict[str, tuple[str, ...]], kind: str) -> dict[str, list[_Synonym]]:
    out: dict[str, list[_Synonym]] = {}
    for key, words in vocab.items():
        syns = [_Synonym(tokens(w.lstrip("=")), w.startswith("=")) for w in words]
        syns.append(_Synonym(tokens(key), True))  # the catalog key itself: "points_balance"
        if kind == MEMBERS and key in CATALOG_BY_KEY:
            syns.append(_Synonym(tokens(CATALOG_BY_KEY[key].label), False))
        out[key] = syns
    return out


VOCABULARY[MEMBERS].update(DERIVED_VOCABULARY)
_COMPILED = {kind: _compile(VOCABULARY[kind], kind) for kind in KINDS}


def _score(header_tokens: tuple[str, ...], syn: _Synonym) -> int:
    if not header_tokens or not syn.tokens:
        return 0
    if header_tokens == syn.tokens:
        return 1000 + len(syn.tokens)
    if syn.exact_only:
        return 0
    if set(syn.tokens) <= set(header_tokens):
        return 10 * len(syn.tokens) - (len(header_tokens) - len(syn.tokens))
    return 0


def suggest_fields(headers: Sequence[str], kind: str) -> tuple[str | None, ...]:
    """The best field for each column (or None), each field used at most once."""
    toks = [tokens(h) for h in headers]
    candidates: list[tuple[int, int, str]] = []
    for col, t in enumerate(toks):
        for key, syns in _COMPILED[kind].items():
            best = max((_score(t, s) for s in syns), default=0)
            if best > 0:
                candidates.append((best, -col, key))
    candidates.sort(reverse=True)
    fields: list[str | None] = [None] * len(headers)
    taken: set[str] = set()
    for _, neg_col, key in candidates:
        col = -neg_col
        if fields[col] is None and key not in taken:
            fields[col] = key
            taken.add(key)
    return tuple(fields)


# Fields that only a members file has (a ledger header may still map to balance, dates, ids).
_MEMBER_ONLY = frozenset(CATALOG_BY_KEY) - {"email", "points_balance", "external_id", "member_since",
                                            "last_activity_at", "points_earned_lifetime"}
_LEDGER_ONLY = frozenset({"reason", "reward_code", "reward_name", "points_debit", "reward_expires_at",
                          "reward_used_at", "balance_after"})


def detect_kind(headers: Sequence[str]) -> str:
    """"ledger" when the headers describe points movements (a date and a points change, a reason…)."""
    member_fields = {f for f in suggest_fields(headers, MEMBERS) if f}
    ledger_fields = {f for f in suggest_fields(headers, LEDGER) if f}
    member_only = member_fields & _MEMBER_ONLY
    has_change = bool(ledger_fields & {"points_change", "points_credit", "points_debit"})
    ledger_only = ledger_fields & _LEDGER_ONLY
    if "at" in ledger_fields and has_change:
        if not member_only or len(ledger_only) > len(member_only):
            return LEDGER
    elif has_change and ledger_only and not member_only:
        return LEDGER  # a points history missing its date column (said so when it is opened)
    return MEMBERS


# -- the mapping of one file shape ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Column → field for one file shape. `fields[i]` is the field of column i (None: ignored)."""

    kind: str
    headers: tuple[str, ...]
    fields: tuple[str | None, ...]
    saved: bool = False  # read from the saved mappings (the user's), rather than suggested
    # The file's conventions when the user chose them (None: decided from the values): dates
    # "dmy" (day/month/year) or "mdy"; decimals "comma" or "point".
    date_order: str | None = None
    decimal: str | None = None

    def __post_init__(self) -> None:
        if len(self.headers) != len(self.fields):
            raise ValueError("one field (or None) per column")
        known = FIELD_TYPES[self.kind]
        bad = [f for f in self.fields if f is not None and f not in known]
        if bad:
            raise ValueError(tr("unknown {kind} field(s): {fields}").format(kind=self.kind, fields=", ".join(bad)))
        used = [f for f in self.fields if f]
        dupes = sorted({f for f in used if used.count(f) > 1})
        if dupes:
            raise ValueError(tr("several columns map to: {fields}").format(fields=", ".join(dupes)))

    @property
    def shape_id(self) -> str:
        return shape_id(self.kind, self.headers)

    def column(self, field: str) -> int | None:
        try:
            return self.fields.index(field)
        except ValueError:
            return None

    def mapped(self) -> list[tuple[int, str, str]]:
        """(column, header, field) of every mapped column."""
        return [(i, h, f) for i, (h, f) in enumerate(zip(self.headers, self.fields, strict=True)) if f]

    def with_column(self, column: int | str, field: str | None) -> ColumnMapping:
        """A copy with one column (index or header) mapped to `field` (None: ignored); a field
        already taken by another column moves here."""
        col = column if isinstance(column, int) else find_column(self.headers, column)
        if col is None:
            raise ValueError(tr("no single column named {column}").format(column=repr(column)))
        fields = [None if (f == field and field is not None) else f for f in self.fields]
        fields[col] = field
        return replace(self, fields=tuple(fields), saved=False)

    def fingerprint(self) -> str:
        conventions = [self.date_order, self.decimal] if self.date_order or self.decimal else []
        raw = json.dumps([self.kind, [norm(h) for h in self.headers], list(self.fields), *conventions])
        return hashlib.blake2b(raw.encode(), digest_size=6).hexdigest()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "headers": list(self.headers), "fields": list(self.fields)}
        if self.date_order:
            out["date_order"] = self.date_order
        if self.decimal:
            out["decimal"] = self.decimal
        return out


DATE_ORDERS = ("dmy", "mdy")
DECIMALS = ("comma", "point")


def find_column(headers: Sequence[str], name: str) -> int | None:
    """The column a user names: "#3" (the third), or its header, matched case-insensitively (then
    as folded words, "Solde de points" = "solde points"); None when no or several columns match."""
    name = name.strip()
    if name.startswith("#") and name[1:].isdigit():
        i = int(name[1:]) - 1
        return i if 0 <= i < len(headers) else None
    for same in (lambda h: h.strip() == name, lambda h: h.strip().casefold() == name.casefold(),
                 lambda h: norm(h) == norm(name) != ""):
        hits = [i for i, h in enumerate(headers) if same(h)]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def shape_id(kind: str, headers: Sequence[str]) -> str:
    raw = json.dumps([kind, [norm(h) for h in headers]])
    return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


def suggest(headers: Sequence[str], kind: str) -> ColumnMapping:
    return ColumnMapping(kind, tuple(headers), suggest_fields(headers, kind))


def mappings_path() -> Path:
    return paths.data_dir() / MAPPINGS_FILE


def _load_all() -> dict[str, Any]:
    p = mappings_path()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged file only loses the saved corrections; suggestions still work
    shapes = data.get("shapes") if isinstance(data, dict) else None
    return shapes if isinstance(shapes, dict) else {}


def load_saved(headers: Sequence[str], kind: str) -> ColumnMapping | None:
    entry = _load_all().get(shape_id(kind, headers))
    if not isinstance(entry, dict):
        return None
    try:
        fields = tuple(entry["fields"])
        if len(fields) != len(headers):
            return None
        date_order, decimal = entry.get("date_order"), entry.get("decimal")
        return ColumnMapping(kind, tuple(headers), fields, saved=True,
                             date_order=date_order if date_order in DATE_ORDERS else None,
                             decimal=decimal if decimal in DECIMALS else None)
    except (KeyError, TypeError, ValueError):
        return None


def save(mapping: ColumnMapping) -> Path:
    """Remember this mapping for every file of the same shape (written atomically)."""
    shapes = _load_all()
    shapes[mapping.shape_id] = {**mapping.to_json(), "saved_at": clocks.now_iso()}
    p = mappings_path()
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(json.dumps({"version": 1, "shapes": shapes}, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(p)
    return p


def mapping_for(headers: Sequence[str], kind: str) -> ColumnMapping:
    """The saved mapping for this shape, else the suggestion."""
    return load_saved(headers, kind) or suggest(headers, kind)


def field_type(kind: str, field: str) -> str:
    return FIELD_TYPES[kind][field]


def is_numeric(kind: str, field: str) -> bool:
    return "int" in FIELD_TYPES[kind][field]


def is_date(kind: str, field: str) -> bool:
    return FIELD_TYPES[kind][field] in ("date", "datetime", FieldType.DATE.value)
