"""The kit's words in the user's language: item kinds, result statuses and each result's explanation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from loyalty_desktop.destinations.klaviyo.kit.model import ItemKind, ItemResult, ItemStatus, Pace


# Literal QCoreApplication.translate("Kit", …) calls throughout: pyside6-lupdate only extracts those.
def kind_title(kind: ItemKind, count: int) -> str:
    if kind is ItemKind.SEGMENT:
        text = QCoreApplication.translate("Kit", "Segments ({count})")
    elif kind is ItemKind.TEMPLATE:
        text = QCoreApplication.translate("Kit", "Email templates ({count})")
    else:
        text = QCoreApplication.translate("Kit", "Flows, as drafts ({count})")
    return text.format(count=QLocale().toString(count))


def status_text(status: ItemStatus) -> str:
    return {ItemStatus.CREATED: QCoreApplication.translate("Kit", "Created"),
            ItemStatus.UPDATED: QCoreApplication.translate("Kit", "Updated"),
            ItemStatus.UNCHANGED: QCoreApplication.translate("Kit", "Unchanged"),
            ItemStatus.FAILED: QCoreApplication.translate("Kit", "Failed"),
            ItemStatus.DEFERRED: QCoreApplication.translate("Kit", "Later"),
            ItemStatus.SKIPPED: QCoreApplication.translate("Kit", "Not now"),
            ItemStatus.PENDING: QCoreApplication.translate("Kit", "Pending")}[status]


def _reason_texts() -> dict[str, str]:
    return {
        "created": QCoreApplication.translate(
            "Kit", "Created in Klaviyo."),
        "created_draft": QCoreApplication.translate(
            "Kit", "Created as a draft: review it in Klaviyo, then turn it on."),
        "would_create": QCoreApplication.translate(
            "Kit", "Would be created."),
        "exists": QCoreApplication.translate(
            "Kit", "Already in Klaviyo, as the kit makes it."),
        "flow_exists": QCoreApplication.translate(
            "Kit", "Already in Klaviyo; left as is, since you may have edited it."),
        "updated": QCoreApplication.translate(
            "Kit", "Updated: it differed from the kit's."),
        "would_update": QCoreApplication.translate(
            "Kit", "Would be updated: it differs from the kit's."),
        "daily_cap": QCoreApplication.translate(
            "Kit", "Klaviyo allows {limit} new ones per day and today's are used up: run the kit again "
            "tomorrow to finish."),
        "slow_down": QCoreApplication.translate(
            "Kit", "Klaviyo asked to slow down for longer than the kit waits: run it again in a few minutes."),
        "no_metric": QCoreApplication.translate(
            "Kit", "No “{metric}” event has been sent to Klaviyo yet: run a sync that sends events, then run "
            "the kit again."),
        "pending_metric": QCoreApplication.translate(
            "Kit", "Waits for its first “{metric}” event; the next sync that sends one creates it."),
        "no_template": QCoreApplication.translate(
            "Kit", "Its email template “{template}” is not in Klaviyo yet: include the templates and run the "
            "kit again."),
        "field_not_sent": QCoreApplication.translate(
            "Kit", "The sync does not send “{field}”: turn it on in the field mapping to make this segment."),
        "source_lacks": QCoreApplication.translate(
            "Kit", "The source ({source}) never sends “{metric}” moments: this flow would never start."),
        "not_attempted": QCoreApplication.translate(
            "Kit", "Not attempted: {reason}"),
    }


def result_text(result: ItemResult) -> str:
    """The explanation of one result: the kit's reason in the user's language when it has a code
    for it, else its own words (Klaviyo's reasons come in English from Klaviyo)."""
    text = _reason_texts().get(result.reason)
    if text is not None:
        try:
            return text.format(**dict(result.args))
        except (KeyError, IndexError):
            pass
    return result.message


def pace_text(pace: Pace) -> str:
    """What the kit waits for: "Waiting 40 s: Klaviyo allows 15 new flows a minute"."""
    if pace.kind is ItemKind.FLOW:
        text = QCoreApplication.translate("Kit", "Waiting {seconds} s: Klaviyo allows {limit} new flows a minute.")
    elif pace.kind is ItemKind.SEGMENT:
        text = QCoreApplication.translate("Kit", "Waiting {seconds} s: Klaviyo allows {limit} new segments a "
                                          "minute.")
    else:
        text = QCoreApplication.translate("Kit", "Waiting {seconds} s: Klaviyo allows {limit} new templates a "
                                          "minute.")
    return text.format(seconds=QLocale().toString(max(1, round(pace.seconds))),
                       limit=QLocale().toString(pace.per_minute))



def pending_line(count: int) -> str:
    """Under the list: flows that the next sync makes."""
    return QCoreApplication.translate(
        "Kit", "{count} flow(s) wait for their first event: the next sync that sends it creates them, "
        "nothing to do.").format(count=QLocale().toString(count))


def remembered_line(when: str) -> str:
    """Above remembered results: when the kit last ran (`when`: a date in the reader's format)."""
    return QCoreApplication.translate("Kit", "Results of the last run ({when}), kept from one launch to the next."
                                      ).format(when=when)
