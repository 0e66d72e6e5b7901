"""The Klaviyo kit's words, shared by the Kit tab (Qt's translator) and `loyalty-desktop kit` (the
catalogue read without Qt): result statuses, item kinds and each result's explanation, by the codes
the kit runner gives (ItemStatus values, ItemResult.reason).

`translate` is `QCoreApplication.translate` or `core.translate.Catalogue.translate`; the literal
`translate("Kit", …)` calls below are what pyside6-lupdate extracts (context "Kit")."""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


def status_words(translate: Translate) -> dict[str, str]:
    """By ItemStatus value."""
    return {"created": translate("Kit", "Created"),
            "updated": translate("Kit", "Updated"),
            "unchanged": translate("Kit", "Unchanged"),
            "failed": translate("Kit", "Failed"),
            "deferred": translate("Kit", "Later"),
            "skipped": translate("Kit", "Not now"),
            "pending": translate("Kit", "Pending")}


def reason_texts(translate: Translate) -> dict[str, str]:
    """By ItemResult.reason; {placeholders} from ItemResult.args."""
    return {
        "created": translate(
            "Kit", "Created in Klaviyo."),
        "created_draft": translate(
            "Kit", "Created as a draft: review it in Klaviyo, then turn it on."),
        "would_create": translate(
            "Kit", "Would be created."),
        "exists": translate(
            "Kit", "Already in Klaviyo, as the kit makes it."),
        "flow_exists": translate(
            "Kit", "Already in Klaviyo; left as is, since you may have edited it."),
        "updated": translate(
            "Kit", "Updated: it differed from the kit's."),
        "would_update": translate(
            "Kit", "Would be updated: it differs from the kit's."),
        "daily_cap": translate(
            "Kit", "Klaviyo allows {limit} new ones per day and today's are used up: run the kit again "
            "tomorrow to finish."),
        "slow_down": translate(
            "Kit", "Klaviyo asked to slow down for longer than the kit waits: run it again in a few minutes."),
        "no_metric": translate(
            "Kit", "No “{metric}” event has been sent to Klaviyo yet: run a sync that sends events, then run "
            "the kit again."),
        "pending_metric": translate(
            "Kit", "Waits for its first “{metric}” event; the next sync that sends one creates it."),
        "no_template": translate(
            "Kit", "Its email template “{template}” is not in Klaviyo yet: include the templates and run the "
            "kit again."),
        "field_not_sent": translate(
            "Kit", "The sync does not send “{field}”: turn it on in the field mapping to make this segment."),
        "source_lacks": translate(
            "Kit", "The source ({source}) never sends “{metric}” moments: this flow would never start."),
        "not_attempted": translate(
            "Kit", "Not attempted: {reason}"),
    }


def explained(reason: str, args: dict[str, str], translate: Translate) -> str | None:
    """A result's explanation in the reader's language when the kit has a code for it (None: use its
    own words, e.g. Klaviyo's)."""
    text = reason_texts(translate).get(reason)
    if text is None:
        return None
    try:
        return text.format(**args)
    except (KeyError, IndexError):
        return None
