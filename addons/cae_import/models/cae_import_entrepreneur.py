# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.cae_base.models.cae_path_step import STAGE_RANK
from odoo.addons.cae_base.tools.path_calc import ONE_DAY

from ..tools.sheet import normalize
from .cae_import_mixin import Column, RowError

# Contact fields compared on a new import of a known entrepreneur.
CONTACT_FIELDS = (
    "name",
    "email",
    "phone",
    "business_name",
    "advisor_id",
    "trade_id",
    "info_meeting_date",
    "welcome_interview_date",
)
# Column of the date of each stage of the path.
STAGE_COLUMNS = {
    "cape": "cape_start",
    "cesa": "cesa_start",
    "associate": "associate_date",
    "exit": "exit_date",
}


class CaeImportEntrepreneur(models.AbstractModel):
    """Entrepreneurs and their path, replayed through the path's own rules.

    Each row is one entrepreneur, matched on its *Référence*. Its history
    (CAPE and renewals, CESA, associate, exit) is replayed in date order by
    ``cae.entrepreneur._do_transition`` and ``cae.path.renewal``, the very
    checks of the screens: an impossible history is an error of its row.
    A known entrepreneur gets its contact details updated and the stages
    the file adds after those recorded; a history that contradicts the one
    recorded is an error (an import never rewrites the past).
    """

    _name = "cae.import.entrepreneur"
    _inherit = "cae.import.mixin"
    _description = "Import of entrepreneurs"

    @api.model
    def _cae_import_columns(self):
        _ = self.env._
        return [
            Column(
                "reference",
                "Référence",
                "char",
                True,
                _("the entrepreneur's reference in the former software"),
                ("Identifiant enDI", "Identifiant Autonomie", "Identifiant"),
            ),
            Column("name", "Nom", "char", True, _("the last name, or the full name")),
            Column("first_name", "Prénom", "char"),
            Column("email", "Courriel", "char", False, "", ("E-mail 1", "E-mail")),
            Column(
                "phone", "Téléphone", "char", False, "", ("Tél. mobile", "Tél. fixe")
            ),
            Column("business_name", "Nom commercial", "char"),
            Column(
                "advisor",
                "Conseiller",
                "char",
                False,
                _("the login, email or name of a user of the Advisor group"),
                ("Accompagnateur",),
            ),
            Column(
                "trade",
                "Métier",
                "char",
                False,
                _("the name of a trade"),
                ("Typologie des métiers/secteurs d'activités",),
            ),
            Column(
                "info_meeting_date",
                "Réunion d'information",
                "date",
                False,
                "",
                ("Date info coll",),
            ),
            Column(
                "welcome_interview_date",
                "Entretien d'accueil",
                "date",
                False,
                "",
                ("Date diagnostic",),
            ),
            Column(
                "cape_start",
                "Début CAPE",
                "date",
                False,
                "",
                ("Date convention CAPE", "Date de la convention"),
            ),
            Column(
                "cape_end",
                "Fin CAPE",
                "date",
                False,
                _("the last day of the CAPE as signed; a CESA starts on it or later"),
                ("Date de fin de la convention",),
            ),
            Column(
                "cape_renewals",
                "Renouvellements CAPE",
                "dates",
                False,
                _("the new last day of each renewal, DD/MM/YYYY separated by ;"),
            ),
            Column(
                "cesa_start",
                "Début CESA",
                "date",
                False,
                "",
                ("Date de début de contrat",),
            ),
            Column("trial_months", "Période d'essai (mois)", "int"),
            Column(
                "associate_date",
                "Associé depuis",
                "date",
                False,
                "",
                ("Date d'entrée au sociétariat",),
            ),
            Column("exit_date", "Date de sortie", "date"),
            Column(
                "exit_reason",
                "Motif de sortie",
                "char",
                False,
                _("the name of an exit reason"),
            ),
        ]

    @api.model
    def _cae_import_prepare(self, wizard, rows):
        company = wizard.company_id
        Entrepreneur = self.env["cae.entrepreneur"].with_context(active_test=False)
        references = [values["reference"] for _n, values in rows]
        existing = Entrepreneur.search(
            [("company_id", "=", company.id), ("reference", "in", references)]
        )
        advisor_group = self.env.ref("cae_base.group_cae_advisor")
        advisors = {}
        for user in advisor_group.users.filtered(lambda u: company in u.company_ids):
            for key in (user.login, user.email, user.name):
                if key:
                    advisors.setdefault(normalize(key), user)
        trades = {
            normalize(t.name): t
            for t in self.env["cae.trade"].with_context(active_test=False).search([])
        }
        reasons = {normalize(r.name): r for r in self.env["cae.exit.reason"].search([])}
        return {
            "existing": {e.reference: e for e in existing},
            "advisors": advisors,
            "trades": trades,
            "reasons": reasons,
        }

    # ------------------------------------------------------------------
    # One row
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_row(self, wizard, values, cache):
        vals = self._prepare_entrepreneur_vals(values, cache)
        events = self._path_events(values)
        entrepreneur = cache["existing"].get(values["reference"])
        if not entrepreneur:
            first = [
                d
                for d in (
                    values.get("info_meeting_date"),
                    values.get("welcome_interview_date"),
                )
                if d
            ]
            start = min(first) if first else None
            if not start:
                start = events[0][0] if events else fields.Date.context_today(self)
            entrepreneur = self.env["cae.entrepreneur"].create(
                {
                    **vals,
                    "reference": values["reference"],
                    "company_id": wizard.company_id.id,
                    "path_step_ids": [
                        fields.Command.create(
                            {"stage": "candidate", "date_start": start}
                        )
                    ],
                }
            )
            cache["existing"][values["reference"]] = entrepreneur
            self._replay(entrepreneur, values, events, cache)
            return "created"
        changes = {
            field: value
            for field, value in vals.items()
            if field in CONTACT_FIELDS and self._differs(entrepreneur, field, value)
        }
        if changes:
            entrepreneur.write(changes)
        added = self._replay(entrepreneur, values, events, cache)
        return "updated" if changes or added else "skipped"

    @api.model
    def _differs(self, record, field, value):
        current = record[field]
        if isinstance(current, models.BaseModel):
            return current.id != (value or False)
        return (current or False) != (value or False)

    @api.model
    def _prepare_entrepreneur_vals(self, values, cache):
        _ = self.env._
        name = " ".join(p for p in (values.get("first_name"), values["name"]) if p)
        vals = {
            "name": name,
            "email": values.get("email") or False,
            "phone": values.get("phone") or False,
            "business_name": values.get("business_name") or False,
            "info_meeting_date": values.get("info_meeting_date") or False,
            "welcome_interview_date": values.get("welcome_interview_date") or False,
        }
        if values.get("advisor"):
            advisor = cache["advisors"].get(normalize(values["advisor"]))
            if not advisor:
                raise RowError(
                    "advisor",
                    _("No advisor “%(name)s” in this company.", name=values["advisor"]),
                    _("the login, email or name of a user of the Advisor group"),
                )
            vals["advisor_id"] = advisor.id
        if values.get("trade"):
            trade = cache["trades"].get(normalize(values["trade"]))
            if not trade:
                raise RowError(
                    "trade",
                    _("No trade “%(name)s”.", name=values["trade"]),
                    _(
                        "one of the trades: %(names)s",
                        names=", ".join(
                            sorted(t.name for t in cache["trades"].values())[:12]
                        ),
                    ),
                )
            vals["trade_id"] = trade.id
        return vals

    @api.model
    def _path_events(self, values):
        """``[(date, stage, options)]`` of the file, in the order of the path."""
        _ = self.env._
        if values.get("cape_end") and not values.get("cape_start"):
            raise RowError(
                "cape_end",
                _("A CAPE end without a CAPE start."),
                _("the start of the CAPE in the column Début CAPE"),
            )
        if values.get("cape_renewals") and not values.get("cape_start"):
            raise RowError(
                "cape_renewals",
                _("Renewals of a CAPE that has no start."),
                _("the start of the CAPE in the column Début CAPE"),
            )
        if values.get("trial_months") and not values.get("cesa_start"):
            raise RowError(
                "trial_months",
                _("A trial period without a CESA."),
                _("the start of the CESA in the column Début CESA"),
            )
        if values.get("exit_reason") and not values.get("exit_date"):
            raise RowError(
                "exit_reason",
                _("An exit reason without an exit date."),
                _("the exit date in the column Date de sortie"),
            )
        events = []
        for stage, key in STAGE_COLUMNS.items():
            if values.get(key):
                events.append((values[key], STAGE_RANK[stage], stage))
        events.sort()
        return [(date, stage) for date, _rank, stage in events]

    @api.model
    def _replay(self, entrepreneur, values, events, cache):
        """Apply the stages of ``events`` not yet recorded; True if any."""
        recorded = [
            (step.date_start, step.stage)
            for step in entrepreneur._sorted_steps()
            if step.stage != "candidate"
        ]
        if recorded[: len(events)] == events:
            # The file is the recorded path or an earlier state of it.
            events_to_add = []
        elif recorded == events[: len(recorded)]:
            events_to_add = events[len(recorded) :]
        else:
            self._raise_other_history(entrepreneur, recorded, events)
        added = False
        cape = entrepreneur.path_step_ids.filtered(lambda s: s.stage == "cape")[:1]
        renewals = values.get("cape_renewals") or []
        if cape:
            done = cape.renewal_ids.sorted("date_start").mapped("date_end")
            if done[: len(renewals)] != renewals[: len(done)]:
                self._raise_other_history(entrepreneur, recorded, events)
            if len(done) < len(renewals):
                # Renewals added to a CAPE recorded by an earlier import.
                self._renew(cape, renewals[len(done) :], events)
                added = True
        for date, stage in events_to_add:
            self._apply_stage(entrepreneur, values, stage, date, events, cache)
            added = True
        return added

    @api.model
    def _raise_other_history(self, entrepreneur, recorded, events):
        _ = self.env._
        labels = dict(
            self.env["cae.path.step"]._fields["stage"]._description_selection(self.env)
        )

        def describe(items):
            return ", ".join(
                f"{labels[stage]} {format_date(self.env, day)}" for day, stage in items
            ) or _("none")

        column = "cape_start"
        for index, (date, stage) in enumerate(events):
            if index >= len(recorded) or recorded[index] != (date, stage):
                column = STAGE_COLUMNS[stage]
                break
        raise RowError(
            column,
            _(
                "%(name)s is already recorded with another path (%(recorded)s); "
                "the file gives %(file)s.",
                name=entrepreneur.name,
                recorded=describe(recorded),
                file=describe(events),
            ),
            _(
                "the path recorded, possibly followed by later stages: an import "
                "never rewrites a recorded history"
            ),
        )

    @api.model
    def _apply_stage(self, entrepreneur, values, stage, date, events, cache):
        _ = self.env._
        column = STAGE_COLUMNS[stage]
        options = {}
        if stage == "cape":
            options["cape_date_end"] = values.get("cape_end") or None
        elif stage == "cesa":
            options["trial_period_months"] = values.get("trial_months") or 0
            cape_ends = [values.get("cape_end")] + (values.get("cape_renewals") or [])
            cape_ends = [end for end in cape_ends if end]
            if values.get("cape_start") and cape_ends:
                # The CAPE's last day in the file: a CESA starting before it
                # would run with the CAPE (an error, not a correction).
                options["cape_date_end"] = max(cape_ends)
        elif stage == "exit":
            if not values.get("exit_reason"):
                raise RowError(
                    "exit_reason",
                    _("An exit without a reason."),
                    _("the name of an exit reason"),
                )
            options["exit_reason"] = self._exit_reason(values["exit_reason"], cache)
        try:
            entrepreneur._do_transition(stage, date, **options)
        except (UserError, ValidationError) as error:
            raise RowError(
                column, str(error.args[0]), self._rule_expected(stage)
            ) from error
        if stage == "cape" and values.get("cape_renewals"):
            cape = entrepreneur._sorted_steps()[-1:]
            self._renew(cape, values["cape_renewals"], events)

    @api.model
    def _exit_reason(self, name, cache):
        _ = self.env._
        reason = cache["reasons"].get(normalize(name))
        if not reason:
            raise RowError(
                "exit_reason",
                _("No exit reason “%(name)s”.", name=name),
                _(
                    "one of the exit reasons: %(names)s",
                    names=", ".join(r.name for r in cache["reasons"].values()),
                ),
            )
        return reason

    @api.model
    def _renew(self, cape, ends, events):
        _ = self.env._
        later = [
            day for day, stage in events if stage != "cape" and day > cape.date_start
        ]
        for end in ends:
            start = cape.date_end + ONE_DAY if cape.date_end else None
            if start and later and start > min(later):
                raise RowError(
                    "cape_renewals",
                    _(
                        "The renewal until %(end)s would start on %(start)s, after "
                        "the next stage of the path (%(next)s).",
                        end=format_date(self.env, end),
                        start=format_date(self.env, start),
                        next=format_date(self.env, min(later)),
                    ),
                    _("renewals that start before the CESA or the exit"),
                )
            try:
                with self.env.cr.savepoint():
                    self.env["cae.path.renewal"].create(
                        {
                            "step_id": cape.id,
                            "date_signed": cape.date_end or cape.date_start,
                            "date_end": end,
                        }
                    )
            except (UserError, ValidationError) as error:
                raise RowError(
                    "cape_renewals", str(error.args[0]), self._rule_expected("cape")
                ) from error

    @api.model
    def _rule_expected(self, stage):
        _ = self.env._
        return {
            "cape": _(
                "a CAPE after the information meeting, whose terms the rules of "
                "the cooperative allow"
            ),
            "cesa": _(
                "a CESA that starts on the last day of the CAPE or later, with a "
                "trial period the law allows"
            ),
            "associate": _("an associate date after a CAPE or a CESA"),
            "exit": _("an exit after the other stages, with its reason"),
        }[stage]

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    @api.model
    def _cae_import_figures(self, wizard, rows):
        labels = dict(
            self.env["cae.entrepreneur"]
            ._fields["stage"]
            ._description_selection(self.env)
        )
        self.env["cae.entrepreneur"].flush_model(["stage", "company_id"])
        counts = dict(
            self.env["cae.entrepreneur"]
            .with_context(active_test=False)
            ._read_group(
                [("company_id", "=", wizard.company_id.id)], ["stage"], ["__count"]
            )
        )
        figures = [(self.env._("Entrepreneurs"), sum(counts.values()))]
        figures += [(labels[code], counts.get(code, 0)) for code in labels]
        return figures
