"""How to create each Splio trigger campaign, in English and French, with an example email body.

Splio starts a trigger campaign on "Contact update — update a specific field" within about 5
minutes of the field being written through the API (``shared/specs/splio/SOURCE.md``). Each moment
writes its own date field (``moments.MOMENTS``), so each campaign watches one field. Example bodies
use Splio's variable syntax: ``$field$`` for a contact field and ``{SPLIO IF …}…{SPLIO ENDIF}`` for
a condition (Splio help centre, "Using variables in designs" and "Conditional blocks examples").
"""

from __future__ import annotations

from dataclasses import dataclass

from loyalty_desktop.destinations.splio.moments import (
    F_BIRTHDAY_CODE,
    F_EXPIRING_CODE,
    F_EXPIRING_POINTS,
    F_NEW_TIER,
    F_NOTICE,
    F_POINTS_EARNED,
    F_POINTS_EXPIRY,
    F_POINTS_REDEEMED,
    F_REFERRAL_CODE,
    F_REWARD_CODE,
    F_REWARD_EXPIRY,
    MOMENT_BY_KEY,
    Moment,
)

BALANCE = "customer_point_balance"  # the Loyoly-compatible preset's balance field


@dataclass(frozen=True, slots=True)
class Text:
    en: str
    fr: str

    def get(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en


@dataclass(frozen=True, slots=True)
class CampaignGuide:
    moment: Moment
    title: Text
    subject: Text
    body: Text  # the example email body, in Splio's variable syntax

    @property
    def watch(self) -> str:
        """The contact field the trigger campaign watches."""
        return self.moment.trigger


STEPS = Text(
    en=("In Splio: Campaigns → Create → Trigger campaign. Trigger: \"Contact update — update a specific field\", "
        "field: the one below. Target: your loyalty list (a contact must belong to a list). Design the email "
        "with the example, then activate. Splio sends it within about 5 minutes of the sync writing the field."),
    fr=("Dans Splio\u00a0: Campagnes → Créer → Campagne trigger. Déclencheur\u00a0: «\u00a0Mise à jour du contact — "
        "mise à jour d'un champ spécifique\u00a0», champ\u00a0: celui ci-dessous. Cible\u00a0: votre liste fidélité "
        "(un contact doit appartenir à une liste). Créez l'e-mail à partir de l'exemple, puis activez. Splio "
        "l'envoie environ 5 minutes après que la synchronisation a écrit le champ."),
)
GROUPS = Text(
    en=("Static groups \"Loyalty tier: …\", \"Loyalty: reward ready\", \"Loyalty: points expiring within 30 days\" "
        "and \"Loyalty: inactive for 90 days\" hold the members the Segments tab counts; every sync refreshes them. "
        "Target them in any Splio campaign."),
    fr=("Les groupes statiques «\u00a0Loyalty tier: …\u00a0», «\u00a0Loyalty: reward ready\u00a0», «\u00a0Loyalty: "
        "points expiring within 30 days\u00a0» et «\u00a0Loyalty: inactive for 90 days\u00a0» contiennent les "
        "membres que compte l'onglet Segments\u00a0; chaque synchronisation les met à jour. Ciblez-les dans "
        "n'importe quelle campagne Splio."),
)


def _g(key: str, title: Text, subject: Text, body: Text) -> CampaignGuide:
    return CampaignGuide(MOMENT_BY_KEY[key], title, subject, body)


GUIDES: tuple[CampaignGuide, ...] = (
    _g("points_earned", Text("Points earned", "Points gagnés"),
       Text("You earned $" + F_POINTS_EARNED + "$ points", "Vous avez gagné $" + F_POINTS_EARNED + "$ points"),
       Text(f"Hello $firstname$,\nYou just earned ${F_POINTS_EARNED}$ points. Your balance: ${BALANCE}$ points.",
            f"Bonjour $firstname$,\nVous venez de gagner ${F_POINTS_EARNED}$ points. Votre solde\u00a0: "
            f"${BALANCE}$ points.")),
    _g("points_redeemed", Text("Points redeemed", "Points utilisés"),
       Text("Your reward is ready", "Votre récompense est prête"),
       Text(f"Hello $firstname$,\nYou spent ${F_POINTS_REDEEMED}$ points.\n"
            f"{{SPLIO IF ${F_REWARD_CODE}$ != \"\"}}Your code: ${F_REWARD_CODE}${{SPLIO ENDIF}}",
            f"Bonjour $firstname$,\nVous avez utilisé ${F_POINTS_REDEEMED}$ points.\n"
            f"{{SPLIO IF ${F_REWARD_CODE}$ != \"\"}}Votre code\u00a0: ${F_REWARD_CODE}${{SPLIO ENDIF}}")),
    _g("tier_reached", Text("Tier reached", "Nouveau statut"),
       Text("Welcome to $" + F_NEW_TIER + "$", "Bienvenue au statut $" + F_NEW_TIER + "$"),
       Text(f"Hello $firstname$,\nCongratulations: you are now ${F_NEW_TIER}$.",
            f"Bonjour $firstname$,\nFélicitations\u00a0: vous êtes désormais ${F_NEW_TIER}$.")),
    _g("referral_completed", Text("Referral completed", "Parrainage réussi"),
       Text("Thank you for referring a friend", "Merci d'avoir parrainé un ami"),
       Text(f"Hello $firstname$,\nYour friend joined us. Your thank-you code: ${F_REFERRAL_CODE}$",
            f"Bonjour $firstname$,\nVotre filleul nous a rejoints. Votre code de remerciement\u00a0: "
            f"${F_REFERRAL_CODE}$")),
    _g("reward_expiring", Text("Reward expiring", "Récompense bientôt expirée"),
       Text("Your reward expires soon", "Votre récompense expire bientôt"),
       Text(f"Hello $firstname$,\nYour code ${F_EXPIRING_CODE}$ expires on ${F_REWARD_EXPIRY}$.",
            f"Bonjour $firstname$,\nVotre code ${F_EXPIRING_CODE}$ expire le ${F_REWARD_EXPIRY}$.")),
    _g("points_expiring_30d", Text("Points expiring in 30 days", "Points expirant dans 30 jours"),
       Text("Your points expire in 30 days", "Vos points expirent dans 30 jours"),
       Text(f"Hello $firstname$,\n${F_EXPIRING_POINTS}$ points expire on ${F_POINTS_EXPIRY}$ "
            f"(${F_NOTICE}$).",
            f"Bonjour $firstname$,\n${F_EXPIRING_POINTS}$ points expirent le ${F_POINTS_EXPIRY}$ "
            f"(${F_NOTICE}$).")),
    _g("points_expiring_7d", Text("Points expiring in 7 days", "Points expirant dans 7 jours"),
       Text("Last chance: your points expire in 7 days", "Dernière chance\u00a0: vos points expirent dans 7 jours"),
       Text(f"Hello $firstname$,\nLast chance: ${F_EXPIRING_POINTS}$ points expire on ${F_POINTS_EXPIRY}$.",
            f"Bonjour $firstname$,\nDernière chance\u00a0: ${F_EXPIRING_POINTS}$ points expirent le "
            f"${F_POINTS_EXPIRY}$.")),
    _g("birthday", Text("Birthday reward", "Cadeau d'anniversaire"),
       Text("Happy birthday, $firstname$!", "Joyeux anniversaire, $firstname$\u00a0!"),
       Text(f"Hello $firstname$,\nHappy birthday! Your gift code: ${F_BIRTHDAY_CODE}$",
            f"Bonjour $firstname$,\nJoyeux anniversaire\u00a0! Votre code cadeau\u00a0: ${F_BIRTHDAY_CODE}$")),
)


def guide_text(language: str) -> str:
    """The whole guide as plain text (the CLI prints it; the panel shows it piece by piece)."""
    fr = language.startswith("fr")
    watch, subject = ("Champ à surveiller\u00a0", "Objet\u00a0") if fr else ("Field to watch", "Subject")
    lines = [STEPS.get(language), ""]
    for g in GUIDES:
        lines += [f"■ {g.title.get(language)}", f"  {watch}: {g.watch}", f"  {subject}: {g.subject.get(language)}",
                  *("  | " + line for line in g.body.get(language).splitlines()), ""]
    lines.append(GROUPS.get(language))
    return "\n".join(lines)
