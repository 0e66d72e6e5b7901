"""Words spreadsheets use for membership states and points movements, in French and English."""

from __future__ import annotations

import re
import unicodedata

from loyalty_desktop.core.model import LedgerKind, MembershipState

# -- membership state -----------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower-case ASCII without accents: "Désactivé" → "desactive"."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


_STATES = {
    MembershipState.MEMBER: ("member", "membre", "active", "actif", "active member", "enabled", "enrolled",
                             "inscrit", "yes", "oui", "true", "vrai", "1"),
    MembershipState.CANDIDATE: ("candidate", "candidat", "pending", "en attente", "guest", "invite", "prospect",
                                "not enrolled", "non inscrit"),
    MembershipState.DISABLED: ("disabled", "desactive", "inactive", "inactif", "blocked", "bloque", "banned",
                               "exclu", "deleted", "supprime", "no", "non", "false", "faux", "0"),
}
STATE_WORDS: dict[str, MembershipState] = {w: s for s, words in _STATES.items() for w in words}


# -- ledger reasons -------------------------------------------------------------------------------

# Words in a ledger's reason column → kind of movement; the first match wins (checked in order).
_REASON_WORDS: tuple[tuple[LedgerKind, tuple[str, ...]], ...] = (
    (LedgerKind.EXPIRE, ("expir", "perim", "peremption")),
    (LedgerKind.BIRTHDAY, ("birthday", "anniversaire")),
    (LedgerKind.REFERRAL, ("referral", "referred", "parrain", "filleul", "refer a friend")),
    (LedgerKind.REDEEM, ("redeem", "redemption", "reward", "recompense", "echange", "utilis", "depens", "spent",
                         "spend", "coupon", "reduction", "discount", "bon d achat", "voucher", "cadeau")),
    (LedgerKind.ORDER, ("order", "commande", "achat", "purchase", "vente", "sale")),
    (LedgerKind.MISSION, ("mission", "signup", "sign up", "inscription", "review", "avis", "follow", "abonn",
                          "newsletter", "social", "share", "partage", "way to earn", "action", "bonus")),
    (LedgerKind.ADJUST, ("adjust", "ajust", "correct", "manuel", "manual", "import", "regul")),
)
REASON_KINDS = {k.value: k for k in LedgerKind}


def ledger_kind(reason: str | None, change: int) -> LedgerKind:
    """The kind of a points movement from its reason text (any language); adjustments otherwise."""
    if reason:
        r = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(reason)).split())
        exact = REASON_KINDS.get(r)
        if exact is not None:
            return exact
        for kind, words in _REASON_WORDS:
            if any(w in r for w in words):
                return kind
    return LedgerKind.ADJUST
