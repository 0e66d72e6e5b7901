"""Qt's own texts that Qt 6's French catalogue (qtbase_fr.qm) leaves untranslated, so that our
catalogue answers them (Qt asks every installed translator; ours is the fallback). Only the ones a
merchant meets: the labels of Qt's file dialog (its "&Look in:" and "Files of &type:" changed in
Qt 6 and lost their French). tests/unit/test_translations_complete.py shows the dialog in French."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
