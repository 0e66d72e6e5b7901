"""Seeding and inspection of the Splio sandbox's universe, bypassing the API (tests, the demo)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from typing import Any

from loyalty_emulators.splio.state import Contact, Universe

SEED_LISTS = {50: "Newsletter", 51: "Clients VIP", 52: "Promotions SMS"}


class UniverseAccess:
    """Mixed into :class:`~.server.SplioSandbox`."""

    universe: Universe

    def add_field(self, name: str, type_: str = "text") -> int:
        with self.universe.lock:
            return self.universe.add_field(name, type_).id

    def field_id(self, name: str) -> int | None:
        with self.universe.lock:
            f = self.universe.field_by_name(name)
            return None if f is None else f.id

    def fields(self) -> list[tuple[int, str, str]]:
        """(id, name, type) of the contact custom fields."""
        with self.universe.lock:
            return [(f.id, f.name, f.type) for f in sorted(self.universe.fields.values(), key=lambda f: f.id)
                    if not f.is_system]

    def add_contact(self, email: str = "", *, cellphone: str = "", firstname: str = "", lastname: str = "",
                    custom: dict[str, str] | None = None, lists: Iterable[int] = ()) -> int:
        """Create a contact directly (custom fields by name); returns its internal id."""
        body: dict[str, Any] = {"email": email, "cellphone": cellphone, "firstname": firstname,
                                "lastname": lastname, "lists": [{"id": i} for i in lists],
                                "custom_fields": [{"name": k, "value": v} for k, v in (custom or {}).items()]}
        with self.universe.lock:
            return self.universe.create(body).id

    def set_values(self, values: dict[str, str], keys: Iterable[str] | None = None) -> None:
        """Set custom fields (by name) on the given contacts (all when None), bypassing the API."""
        with self.universe.lock:
            ids = {self._field(n).id: v for n, v in values.items()}
            contacts = self.universe.contacts.values() if keys is None else \
                [self.universe.find(k) for k in keys]
            for c in contacts:
                for fid, v in ids.items():
                    if v == "":
                        c.custom.pop(fid, None)
                    else:
                        c.custom[fid] = v

    def _field(self, name: str) -> Any:
        f = self.universe.field_by_name(name)
        if f is None:
            raise KeyError(name)
        return f

    def _view(self, c: Contact) -> dict[str, Any]:
        u = self.universe
        return {"id": c.id, "key": u.key_of(c), "email": c.email, "cellphone": c.cellphone,
                "firstname": c.firstname, "lastname": c.lastname,
                "custom": {u.fields[fid].name: v for fid, v in sorted(c.custom.items()) if fid in u.fields},
                "lists": list(c.lists)}

    def contact(self, key: str) -> dict[str, Any] | None:
        """One contact by unique-key value: identity, custom fields by name, list ids."""
        with self.universe.lock:
            c = self.universe.contacts.get(self.universe.normalize_key(key))
            return None if c is None else self._view(c)

    def contacts(self) -> list[dict[str, Any]]:
        with self.universe.lock:
            return [self._view(c) for c in sorted(self.universe.by_id.values(), key=lambda c: c.id)]

    def seed_demo(self, members: Iterable[Any], *, present: float = 0.9, unknown: float = 0.05,
                  salt: str = "splio-sandbox") -> dict[str, int]:
        """Put about `present` of the members in the universe (chosen by a hash of the email: the same
        members every time), plus `unknown` × members contacts the loyalty program does not know.
        Every contact gets list memberships and a `civility`; phones are kept for about half."""
        u = self.universe
        counts = {"members_present": 0, "members_absent": 0, "unknown_contacts": 0}
        with u.lock:
            if u.field_by_name("civility") is None:
                u.add_field("civility", "text")
            civ = u.field_by_name("civility")
            assert civ is not None
            n = 0
            for m in members:
                n += 1
                h = int.from_bytes(hashlib.blake2b(f"{salt}:{m.email}".encode(), digest_size=8).digest(), "big")
                if (h % 10_000) / 10_000 >= present:
                    counts["members_absent"] += 1
                    continue
                lists = [50] + ([51] if h % 3 == 0 else []) + ([52] if getattr(m, "phone", None) else [])
                c = Contact(0, email=m.email, firstname=getattr(m, "first_name", None) or "",
                            lastname=getattr(m, "last_name", None) or "",
                            cellphone=(getattr(m, "phone", None) or "") if h % 2 else "",
                            language="fr" if m.email.endswith(".fr") else "en",
                            creation_date="2024-03-01 09:00:00", custom={civ.id: ("mme", "mr")[h % 2]},
                            lists=lists)
                self._insert(c)
                counts["members_present"] += 1
            rng = random.Random(salt)
            for i in range(round(n * unknown)):
                c = Contact(0, email=f"prospect{i + 1:05d}@exemple.fr", firstname=rng.choice(("Lou", "Sam", "Alex")),
                            lastname=f"Prospect{i + 1}", language="fr", creation_date="2025-06-01 10:00:00",
                            custom={civ.id: "mme"}, lists=[50])
                self._insert(c)
                counts["unknown_contacts"] += 1
        return counts

    def _insert(self, c: Contact) -> None:
        u = self.universe
        key = u.normalize_key(u.key_of(c))
        if not key or key in u.contacts:
            return
        c.id = u.next_contact_id
        u.next_contact_id += 1
        u.contacts[key] = c
        u.by_id[c.id] = c

    def describe(self, sample: int = 1) -> list[str]:
        """A few lines on what the universe holds (the demo shows them after a sync)."""
        views = self.contacts()
        names = {n for _, n, _ in self.fields()} - {"civility"}
        with_loyalty = [v for v in views if names & set(v["custom"])]
        lines = [(f"The Splio sandbox universe now holds {len(views)} contacts; {len(with_loyalty)} carry "
                 f"loyalty custom fields (contacts are identified by {self.universe.unique_key}).")]
        for v in with_loyalty[:sample]:
            lists = ", ".join(SEED_LISTS.get(i, str(i)) for i in v["lists"]) or "none"
            name = f"{v['firstname']} {v['lastname']}".strip()
            lines.append(f"  {v['key']}" + (f" ({name})" if name else "") + f", lists: {lists}")
            lines.extend(f"    {k}: {val!r}" for k, val in v["custom"].items())
        return lines
