"""The kit's words in the user's language: item kinds, result statuses and each result's explanation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..kit import ItemKind, ItemResult, ItemStatus


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Kit", text, None, n)


def kind_title(kind: ItemKind, count: int) -> str:
    return {ItemKind.SEGMENT: _tr("Segments (%n)", count),
            ItemKind.TEMPLATE: _tr("Email templates (%n)", count),
            ItemKind.FLOW: _tr("Flows, as drafts (%n)", count)}[kind]


def status_text(status: ItemStatus) -> str:
    return {ItemStatus.CREATED: _tr("Created"), ItemStatus.UPDATED: _tr("Updated"),
            ItemStatus.UNCHANGED: _tr("Unchanged"), ItemStatus.FAILED: _tr("Failed"),
            ItemStatus.DEFERRED: _tr("Later"), ItemStatus.SKIPPED: _tr("Not now")}[status]


def result_text(result: ItemResult) -> str:
    """The explanation of one result: the kit's reason in the user's language when it has a code
    for it, else its own words (Klaviyo's reasons come in English from Klaviyo)."""
    reason = getattr(result, "reason", None)
    args = dict(getattr(result, "args", None) or {})
    texts = {
        "created": _tr("Created in Klaviyo."),
        "created_draft": _tr("Created as a draft: review it in Klaviyo, then turn it on."),
        "would_create": _tr("Would be created."),
        "exists": _tr("Already in Klaviyo, as the kit makes it."),
        "flow_exists": _tr("Already in Klaviyo; left as is, since you may have edited it."),
        "updated": _tr("Updated: it differed from the kit's."),
        "would_update": _tr("Would be updated: it differs from the kit's."),
        "daily_cap": _tr("Klaviyo allows {limit} new ones per day and today's are used up: run the kit "
                         "again tomorrow to finish."),
        "slow_down": _tr("Klaviyo asked to slow down for longer than the kit waits: run it again in a few "
                         "minutes."),
        "no_metric": _tr("No “{metric}” event has been sent to Klaviyo yet: run a sync that sends events, "
                         "then run the kit again."),
        "no_template": _tr("Its email template “{template}” is not in Klaviyo yet: include the templates and "
                           "run the kit again."),
        "field_not_sent": _tr("The sync does not send “{field}”: turn it on in the field mapping to make "
                              "this segment."),
        "not_attempted": _tr("Not attempted: {reason}"),
    }
    if reason in texts:
        try:
            return texts[reason].format(**args)
        except (KeyError, IndexError):
            pass
    return result.message
