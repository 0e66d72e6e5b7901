"""The kit's words in the user's language: item kinds, result statuses and each result's explanation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from loyalty_desktop.core import kit_words
from loyalty_desktop.destinations.klaviyo.kit.model import ItemKind, ItemResult, ItemStatus, Pace
from loyalty_desktop.ui import i18n


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
    return kit_words.status_words(QCoreApplication.translate)[status.value]


def result_text(result: ItemResult) -> str:
    """The explanation of one result: the kit's reason in the user's language when it has a code
    for it, else its own words (Klaviyo's reasons come in English from Klaviyo)."""
    text = kit_words.explained(result.reason, dict(result.args), QCoreApplication.translate)
    return i18n.core_text(result.message) if text is None else text


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
