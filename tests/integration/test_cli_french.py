"""Every command speaks the reader's language (issue 16.7, "CLI messages following the locale"):
each one is run twice against the sandboxes, in English and in French (LOYALTY_DESKTOP_LANG pins
it as LANG would), and the French run says it in French: no line is left as the English run wrote
it, numbers and names aside. In-process (main()), on the fake clock, with the catalogue built now
from the sources (helpers.catalogue). `screenshots` is a development tool and stays English."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.catalogue import french, fresh  # noqa: F401 - fixtures
from helpers.cli import in_process
from helpers.spreadsheet_make import write_csv
from loyalty_desktop.cli import sandbox as cli_sandbox
from loyalty_desktop.core import paths, translate

pytestmark = pytest.mark.usefixtures("fake_rate_clock", "french", "no_new_log_handlers")

Run = Callable[..., subprocess.CompletedProcess[str]]
MEMBERS = "120"
_NUMBERS = re.compile(r"\d[\d,.\u202f\u00a0]*")
# Paths, emails, options, METAVARS and `commands`: the same in every language.
_CODE = re.compile(r"`[^`]*`|\S*[/@]\S*|--?[\w-]+|\b[A-Z_]{2,}\b")
# Words French never uses: one in a French line is English left over.
_ENGLISH = re.compile(r"\b(the|and|with|of|is|are|was|were|not|skipped|kept|left out|rows?|members?|sent)\b")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    """`loyalty-desktop ARGS` in `lang`, with a data folder of its own per language (`data`: a name)."""
    def run_cli(lang: str, *args: str, data: str = "d", stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        monkeypatch.setenv(translate.ENV_LANG, lang)
        monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / f"{data}-{lang}"))
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        paths.set_data_dir(None)
        return in_process(list(args), capsys)
    return run_cli


def both(run: Run, *args: str, code: int = 0, **kw: str) -> tuple[str, str]:
    """The command's whole output (stdout then stderr) in English and in French; the same exit code."""
    en, fr = run("en", *args, **kw), run("fr", *args, **kw)
    assert en.returncode == fr.returncode == code, (en.stdout + en.stderr, fr.stdout + fr.stderr)
    return en.stdout + en.stderr, fr.stdout + fr.stderr


def _shape(line: str) -> str:
    return _NUMBERS.sub("#", line.strip())


def assert_french(en: str, fr: str, *, data: Callable[[str], bool] = lambda line: False) -> None:
    """No French line reads as an English one (numbers aside); `data`: lines that are only names
    and values (a profile's properties), the same in every language."""
    english = {_shape(line) for line in en.splitlines()}
    lines = [line for line in fr.splitlines() if line.strip() and not data(line)]
    same = [line for line in lines if _shape(line) in english]
    assert not same, "left in English:\n" + "\n".join(same)
    # English inside a French line (a stored note or reason whose template was not found).
    mixed = [line for line in lines if _ENGLISH.search(_CODE.sub("", line))]
    assert not mixed, "English words in French lines:\n" + "\n".join(mixed)
    assert fr.strip() and fr != en


def _property(line: str) -> bool:  # "    loyalty_points: 120", "  a@b.fr (Ana Lima)"
    return line.startswith("    ") or bool(re.fullmatch(r"  \S+@\S+( \(.*\))?", line))


def test_sync_and_runs_in_french(run: Run) -> None:
    en, fr = both(run, "sync", "--to", "klaviyo-sandbox", "--members", MEMBERS, "--yes")
    assert "Bac à sable Klaviyo démarré" in fr or "Klaviyo" in fr
    assert "Synchronisation vers Klaviyo terminée" in fr
    assert "Le bac à sable contient maintenant" in fr
    assert_french(en, fr, data=_property)

    en, fr = both(run, "runs")
    assert re.search(r"n°1 \d\d/\d\d/\d{4} \d\d:\d\d klaviyo:\S+ terminée [\d,]+ s  Membres\u00a0: 120 ", fr), fr
    assert "completed" in en and "completed" not in fr
    assert_french(en, fr)

    en, fr = both(run, "runs", "--rejected", "99", code=1)
    assert "erreur\u00a0: Il n'y a pas de synchronisation 99 dans l'historique" in fr
    assert_french(en, fr)


def test_demo_in_french(run: Run) -> None:
    en, fr = both(run, "demo", "show", "--members", MEMBERS)
    assert fr.startswith(f"Programme de démonstration demo:{MEMBERS}:42 au ")
    assert_french(en, fr)
    en, fr = both(run, "demo", "tick", "3", "--members", MEMBERS)
    assert "avancé de 3 jour(s)" in fr and "commande(s) et" in fr and "membre(s) modifié(s) en tout" in fr
    assert_french(en, fr)
    en, fr = both(run, "demo", "reset", "--members", MEMBERS)
    assert fr.startswith("Programme de démonstration")
    assert_french(en, fr)
    en, fr = both(run, "demo", "show", "--members", "0", code=2)  # argparse's own words stay its own
    assert "0 est hors limites\u00a0: entre 1 et 1\u202f000\u202f000" in fr


def test_kit_in_french(run: Run) -> None:
    en, fr = both(run, "kit", "--to", "klaviyo-sandbox", "--members", MEMBERS, "--language", "fr",
                  "--only", "segments")
    assert "Le bac à sable démarre vide\u00a0: synchronisation d'abord du programme" in fr
    assert re.search(r"^créé +segment +Loyalty · ", fr, re.MULTILINE), fr
    assert re.search(r"Kit pour le compte Klaviyo .* terminé en [\d,]+ s\u00a0: \d+ créé\(s\)", fr), fr
    assert "Membres des segments (bac à sable / aperçu de l'application)\u00a0:" in fr
    # Segment names are the kit's (French in both runs) and their counts are figures.
    assert_french(en, fr, data=lambda line: bool(re.fullmatch(r"  Loyalty · .*: \d+ / \d+", line)))
    en, fr = both(run, "kit", "--to", "klaviyo-sandbox", "--only", "lists", code=1)
    assert "--only prend certains de\u00a0: segments, templates, flows" in fr


def test_inspect_in_french(run: Run, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "membres.csv", [
        ["Email", "Prénom", "Points", "Date de naissance"],
        ["ana@example.fr", "Ana", "120", "18/10/1984"],
        ["bob@", "Bob", "12", "01/02/1990"],
        ["carla@example.fr", "Carla", "douze", "02/03/1991"]], delimiter=";")
    en, fr = both(run, "inspect", str(export))
    assert "Format\u00a0: CSV, UTF-8, séparateur point-virgule\u00a0; en-tête à la ligne 1" in fr
    assert "Type\u00a0: membres (une ligne par membre)" in fr
    assert "Lignes\u00a0: 3 lues\u00a0; membres\u00a0: 1\u00a0; rejetées\u00a0: 2" in fr
    assert "e-mail invalide" in fr and "pas un nombre" in fr
    # The column lines are the file's own headers and the fields' keys.
    assert_french(en, fr, data=lambda line: "→" in line and "(" in line)

    # Synced, its rejected rows listed and exported in the reader's language.
    en, fr = both(run, "sync", "--source", "csv", "--members", str(export), "--to", "klaviyo-sandbox", "--yes")
    assert "ligne(s) des données de fidélité n'ont pas pu être utilisées" in fr
    assert_french(en, fr, data=_property)
    en, fr = both(run, "runs", "--rejected", "1")
    assert "données de fidélité:membre\tbob@\tEmail\te-mail invalide\tmembres.csv ligne 3\tbob@" in fr.splitlines()
    assert "source:member\tbob@\tEmail\tinvalid email\tmembres.csv line 3\tbob@" in en.splitlines()
    assert_french(en, fr)
    en, fr = both(run, "runs", "--rejected", "1", "--csv", "-")
    assert fr.splitlines()[0].lstrip("\ufeff") == "origine,type,clé,champ,motif,fichier,ligne,valeur"


class _InterruptedClock:
    def __init__(self, sleep: Callable[[float], None]) -> None:
        self.sleep = sleep


def test_sandbox_in_french(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_seconds: float) -> None:
        raise KeyboardInterrupt  # Ctrl+C: the sandboxes stop, the command says so

    monkeypatch.setattr(cli_sandbox, "clock", _InterruptedClock(interrupted))
    en, fr = both(run, "sandbox", "--port", "0", code=130)
    assert "Bac à sable Klaviyo à l'écoute sur http://127.0.0.1:" in fr
    assert "Clé d'API de démonstration\u00a0: " in fr and "Essayez\u00a0: LOYALTY_DESKTOP_KLAVIYO_KEY=" in fr
    assert "Rempli avec" in fr and "Interrompu" in fr
    assert_french(en, fr)


def test_key_and_schedule_in_french(run: Run) -> None:
    en, fr = both(run, "key", "set", "klaviyo", stdin="\n", code=1)
    assert "Aucune clé n'a été donnée" in fr
    assert_french(en, fr)
    en, fr = both(run, "key", "set", "klaviyo", stdin="pk_short\n", code=1)
    assert fr.startswith("erreur\u00a0: ")
    assert_french(en, fr)
    en, fr = both(run, "schedule", "status")
    assert "Dernière synchronisation\u00a0: jamais" in fr
    assert_french(en, fr)


def test_errors_of_the_core_in_french(run: Run) -> None:
    en, fr = both(run, "sync", "--to", "klaviyo", "--source", "demo", "--members", MEMBERS, code=1)
    assert "Aucune clé Klaviyo\u00a0: enregistrez-en une avec `loyalty-desktop key set klaviyo`" in fr
    assert_french(en, fr)
    en, fr = both(run, "sync", "--to", "splio-sandbox", "--source", "csv", code=1)
    assert "--source csv demande --members FICHIER" in fr
    assert_french(en, fr)


def test_every_help_text_has_its_french() -> None:
    """A new option's help written in English only fails here (mark it in cli/help_words.help_texts)."""
    from loyalty_desktop.cli.help_words import english_texts, localized
    from loyalty_desktop.cli.main import build_parser

    texts = english_texts(localized(build_parser, "en"))
    assert len(texts) > 40
    untranslated = [t for t in texts if translate.translate_text(t, "fr") == t]
    assert not untranslated, "help texts without French (cli/help_words.help_texts):\n" + "\n".join(untranslated)


def test_help_and_usage_errors_in_french(run: Run) -> None:
    en, fr = both(run, "sync", "--help")
    assert fr.startswith("utilisation\u00a0: loyalty-desktop sync")
    assert "graine du programme de démonstration" in fr and "1\u202f" not in fr
    assert "plus grand de 500 et 5% des membres" in fr
    # The usage's and the options' own syntax (--to {klaviyo,…}, [--seed SEED]) is the same in every language.
    assert_french(en, fr, data=lambda line: bool(re.fullmatch(r"\s*(\[.*|\{.*|-[-\w]+(, --\w+)?( \S+)?)", line)))
    en, fr = both(run, "demo", "frob", code=2)
    assert "loyalty-desktop demo\u00a0: erreur\u00a0: argument action\u00a0: choix invalide\u00a0: 'frob'" in fr
    assert "error: argument action: invalid choice: 'frob'" in en  # argparse's English comes back


@pytest.mark.parametrize("args", [
    ("sync", "--to", "splio-sandbox", "--members", MEMBERS, "--yes"),
    ("sync", "--source", "smile-sandbox", "--to", "klaviyo-sandbox", "--members", MEMBERS, "--yes"),
], ids=["splio", "smile"])
def test_other_sandboxes_sync_in_french(run: Run, args: tuple[str, ...]) -> None:
    """The Splio target's and the Smile source's notes (stored in English) are worded in French."""
    en, fr = both(run, *args)
    assert "Synchronisation vers" in fr
    assert_french(en, fr, data=_property)


def test_spreadsheet_problems_in_french(run: Run, tmp_path: Path) -> None:
    """A file that cannot be imported says why in French (made in English, from marked templates)."""
    pdf = tmp_path / "export.pdf"
    pdf.write_bytes(b"%PDF-1.4 not a spreadsheet")
    no_email = write_csv(tmp_path / "sans-email.csv", [["Nom", "Points"], ["Ana", "12"]])
    cases = [(str(tmp_path / "absent.csv"), "n'existe pas ou n'est pas un fichier"),
             (str(pdf), "export.pdf est un document PDF, pas un tableur"),
             (str(no_email), "sans-email.csv n'a pas de colonne e-mail (colonnes trouvées\u00a0: 'Nom', 'Points')")]
    for path, said in cases:
        en, fr = both(run, "inspect", path, code=1)
        assert said in fr, fr
        assert_french(en, fr)
    en, fr = both(run, "sync", "--source", "csv", "--members", str(pdf), "--to", "klaviyo-sandbox", code=1)
    assert "erreur\u00a0: export.pdf est un document PDF" in fr
    assert_french(en, fr)


def test_sandbox_port_in_use_in_french(run: Run) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        en, fr = both(run, "sandbox", "--platform", "klaviyo", "--port", port, code=1)
    assert f"erreur\u00a0: Le port {port} de 127.0.0.1 est déjà utilisé" in fr
    assert_french(en, fr)
