#!/usr/bin/env python3
# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Keep ``i18n/<module>.pot`` and ``i18n/fr.po`` of our add-ons current.

Usage::

    setup/i18n.py export DB MODULE [MODULE...]   # regenerate .pot, merge fr.po
    setup/i18n.py check MODULE [MODULE...]       # fail on untranslated strings
    setup/i18n.py apply MODULE FILE.json         # add {"msgid": "msgstr"} to fr.po

``export`` asks Odoo (database DB, where the modules are installed) for the
template, merges it into ``fr.po`` (new strings added, vanished ones dropped),
and fills new strings that Odoo's own French translations already cover
(``Created by``, ``Followers``...). It then lists what is left to translate.
"""

import json
import subprocess
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
import caesetup  # noqa: E402


def po_path(module):
    return caesetup.ADDONS / module / "i18n" / "fr.po"


def pot_path(module):
    return caesetup.ADDONS / module / "i18n" / f"{module}.pot"


def odoo_french_memory():
    """msgid -> msgstr from the fr.po files of Odoo's own add-ons."""
    memory = {}
    for folder in caesetup.odoo_addons_path(with_project=False).split(","):
        for po_file in Path(folder).glob("*/i18n/fr.po"):
            try:
                entries = polib.pofile(str(po_file))
            except (OSError, ValueError):
                continue
            for entry in entries:
                if entry.msgstr and not entry.obsolete:
                    memory.setdefault(entry.msgid, entry.msgstr)
    return memory


def export(db, modules):
    caesetup.require_odoo()
    for module in modules:
        pot = pot_path(module)
        pot.parent.mkdir(exist_ok=True)
        subprocess.run(
            caesetup.odoo_cmd(
                "--database",
                db,
                "--addons-path",
                caesetup.odoo_addons_path(),
                f"--i18n-export={pot}",
                f"--modules={module}",
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=True,
        )
    memory = None
    for module in modules:
        template = polib.pofile(str(pot_path(module)))
        old = polib.pofile(str(po_path(module))) if po_path(module).exists() else None
        known = {e.msgid: e.msgstr for e in old or [] if e.msgstr}
        po = polib.POFile()
        po.metadata = dict(
            template.metadata,
            Language="fr",
            **{
                "Plural-Forms": "nplurals=2; plural=(n > 1);",
            },
        )
        missing = []
        for entry in template:
            msgstr = known.get(entry.msgid)
            if msgstr is None:
                if memory is None:
                    memory = odoo_french_memory()
                msgstr = memory.get(entry.msgid, "")
            entry.msgstr = msgstr
            po.append(entry)
            if not msgstr:
                missing.append(entry.msgid)
        po.save(str(po_path(module)))
        print(f"{module}: {len(po)} strings, {len(missing)} untranslated")
        for msgid in missing:
            print(f"  {json.dumps(msgid, ensure_ascii=False)}")


def check(modules):
    failed = False
    for module in modules:
        po = polib.pofile(str(po_path(module)))
        template = polib.pofile(str(pot_path(module)))
        missing = [e.msgid for e in po if not e.msgstr]
        stale = {e.msgid for e in template} ^ {e.msgid for e in po}
        if missing or stale:
            failed = True
            print(f"{module}: {len(missing)} untranslated, {len(stale)} not in sync")
            for msgid in missing[:20]:
                print(f"  {json.dumps(msgid, ensure_ascii=False)}")
    sys.exit(1 if failed else 0)


def apply(module, json_file):
    translations = json.loads(Path(json_file).read_text())
    po = polib.pofile(str(po_path(module)))
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    po.save(str(po_path(module)))
    left = [e.msgid for e in po if not e.msgstr]
    print(f"{module}: {len(left)} untranslated")
    for msgid in left:
        print(f"  {json.dumps(msgid, ensure_ascii=False)}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "export":
        export(args[0], args[1:])
    elif command == "check":
        check(args)
    elif command == "apply":
        apply(args[0], args[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
