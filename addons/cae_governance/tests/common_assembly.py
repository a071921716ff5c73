# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import subprocess
from datetime import date, datetime

from odoo import Command

from odoo.addons.cae_base.tests.common import CaeCommon

# Assemblies of the tests are held on this day (UTC); associates join before.
ASSEMBLY_DATE = datetime(2026, 6, 12, 16, 0)
ADMISSION_DATE = date(2025, 1, 15)


def pdf_text(pdf):
    """The text of a PDF (bytes), as pdftotext reads it."""
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()


class CaeAssemblyCommon(CaeCommon):
    """Company A of cae_base keeping its register only (no accounting), a
    share class open to everyone, the company's assembly types and
    ``ASSOCIATES`` associates (``cls.associates``, named "Associé 01"...).
    """

    ASSOCIATES = 20

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.company.cae_capital_accounting = False
        cls.Assembly = cls.env["cae.assembly"]
        cls.share_class = cls.env["cae.share.class"].create(
            {
                "name": "Parts sociales",
                "code": "PS",
                "company_id": cls.company.id,
                "nominal_value": 20.0,
                "min_shares": 1,
                "allow_entrepreneur": True,
                "allow_staff": True,
                "allow_external": True,
                "allow_legal_entity": True,
            }
        )
        cls.types = {
            assembly_type.kind: assembly_type
            for assembly_type in cls.env["cae.assembly.type"].search(
                [("company_id", "=", cls.company.id)]
            )
        }
        cls.associates = cls._make_associates(cls.ASSOCIATES)

    @classmethod
    def _make_associates(cls, count, prefix="Associé", start=1):
        partners = cls.env["res.partner"].create(
            [
                {
                    "name": f"{prefix} {index:02d}",
                    "email": f"associe{index:02d}@example.fr",
                    "lang": "fr_FR",
                }
                for index in range(start, start + count)
            ]
        )
        return cls._make_associates_of(partners)

    @classmethod
    def _make_associates_of(cls, partners, on=ADMISSION_DATE):
        """Associates of ``partners``, each with one fully paid share."""
        associates = cls.env["cae.associate"].create(
            [{"partner_id": p.id, "company_id": cls.company.id} for p in partners]
        )
        cls.env["cae.share.operation"].create(
            [
                {
                    "operation_type": "subscription",
                    "associate_id": associate.id,
                    "company_id": cls.company.id,
                    "share_class_id": cls.share_class.id,
                    "quantity": 1,
                    "date": on,
                    "initial_payment": 20.0,
                }
                for associate in associates
            ]
        ).action_validate()
        return associates

    @classmethod
    def _assembly(cls, kind="ordinary", resolutions=None, **vals):
        """A draft assembly with one resolution (or ``resolutions``: a list of
        dicts of resolution values). Held in the past (``ASSEMBLY_DATE``),
        its online votes stay open until the votes close unless
        ``online_vote_end`` is given."""
        resolutions = resolutions or [{"name": "Approbation des comptes"}]
        vals.setdefault("online_vote_end", False)
        return cls.Assembly.create(
            {
                "name": f"Assemblée {kind}",
                "type_id": cls.types[kind].id,
                "company_id": cls.company.id,
                "date": ASSEMBLY_DATE,
                "resolution_ids": [Command.create(values) for values in resolutions],
                **vals,
            }
        )

    @staticmethod
    def _line(assembly, associate):
        return assembly.attendance_ids.filtered(lambda a: a.associate_id == associate)

    @classmethod
    def _attend(cls, assembly, associates, state="present"):
        assembly.attendance_ids.filtered(
            lambda line: line.associate_id in associates
        ).write({"state": state})

    @classmethod
    def _represent(cls, assembly, associate, holder):
        cls._line(assembly, associate).write(
            {"state": "represented", "proxy_holder_id": holder.id}
        )

    @classmethod
    def _convened(cls, kind="ordinary", present=None, **vals):
        """A convened assembly where ``present`` associates attend."""
        assembly = cls._assembly(kind, **vals)
        assembly.action_convene()
        if present:
            cls._attend(assembly, present)
        return assembly

    @classmethod
    def _opened(cls, kind="ordinary", present=None, **vals):
        """An assembly with its votes open, everyone present by default."""
        assembly = cls._convened(kind, present or cls.associates, **vals)
        assembly.action_open_votes()
        return assembly

    @classmethod
    def _vote(cls, resolution, choices):
        """Paper ballots: ``{associate: choice or candidates}``; for a
        secret ballot (never entered voter by voter), each votes online."""
        if resolution.secret:
            for associate, choice in choices.items():
                cls._vote_online(resolution, associate, choice)
            return None
        return resolution._record_paper_votes(
            {
                associate.id: choice.ids if hasattr(choice, "ids") else choice
                for associate, choice in choices.items()
            }
        )

    @staticmethod
    def _vote_online(resolution, associate, choice):
        """``associate`` votes ``choice`` (or candidates) online for
        themselves; returns the receipt code."""
        vote = {"resolution": resolution, "associate": associate}
        if hasattr(choice, "ids"):
            vote["candidates"] = choice
        else:
            vote["choice"] = choice
        receipts = resolution.assembly_id._record_online_votes([vote], associate)
        return receipts[0][2]

    @staticmethod
    def _paper_batch(resolution, voters, **counts):
        """Secret paper ballots: ``voters`` voted, the urn holds ``counts``
        (``count_for=3, count_against=1``...; for an election
        ``ballots=n, blank=n, candidates={candidate: n}``)."""
        rows = []
        for key, choice in (
            ("count_for", "for"),
            ("count_against", "against"),
            ("count_abstain", "abstain"),
            ("ballots", "for"),
            ("blank", "abstain"),
        ):
            if key in counts:
                rows.append({"choice": choice, "count": counts[key]})
        for candidate, count in counts.get("candidates", {}).items():
            rows.append({"choice": "for", "candidate_id": candidate.id, "count": count})
        return resolution._record_paper_batch(voters.ids, rows)

    def _votes(self, resolution, count_for=0, count_against=0, count_abstain=0):
        """Paper ballots of the first associates: for, then against, then
        abstentions (as a batch of counts for a secret ballot)."""
        if resolution.secret:
            total = count_for + count_against + count_abstain
            return self._paper_batch(
                resolution,
                self.associates[:total],
                count_for=count_for,
                count_against=count_against,
                count_abstain=count_abstain,
            )
        voters = iter(self.associates)
        choices = {}
        for choice, count in (
            ("for", count_for),
            ("against", count_against),
            ("abstain", count_abstain),
        ):
            for _index in range(count):
                choices[next(voters)] = choice
        return self._vote(resolution, choices)
