# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import threading
from contextlib import contextmanager

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

# The demo loaders of the suite, formerly abstract models of every registry.
FORMER_DEMO_MODELS = (
    "cae.balance.demo",
    "cae.belgium.demo",
    "cae.company.demo",
    "cae.invoicing.demo",
    "cae.payroll.demo",
    "cae.sale.demo",
    "cae.tl.demo",
)


class TestDemoLoaders(TransactionCase):
    """The demo loaders are plain Python of each add-on's demo/ folder, run
    by ``ir.module.module._cae_load_demo``: no model of the registry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Module = cls.env["ir.module.module"]

    @contextmanager
    def assertRefused(self, text, lang="en_US"):
        """The call raises a UserError saying ``text``, and writes nothing."""
        counts = {
            model: self.env[model].search_count([])
            for model in ("res.company", "res.partner", "account.move")
        }
        with self.assertRaises(UserError) as catcher, self.cr.savepoint():
            yield
        self.assertIn(text, str(catcher.exception))
        for model, count in counts.items():
            self.assertEqual(self.env[model].search_count([]), count, model)

    def test_no_demo_model_in_the_registry(self):
        suite_demo_models = [
            name
            for name in self.env.registry
            if name.endswith(".demo") and name != "ir.demo"  # Odoo's wizard
        ]
        self.assertEqual(suite_demo_models, [])
        for name in FORMER_DEMO_MODELS:
            self.assertNotIn(name, self.env.registry)
        self.assertFalse(
            self.env["ir.model.data"].search(
                [
                    ("module", "=like", "cae_%"),
                    ("model", "=", "ir.model"),
                    ("name", "=like", "model_%_demo"),
                ]
            )
        )
        # No class of the registry comes from a demo folder of the suite
        # (Odoo's account has a model in its own: account.chart.template).
        self.assertEqual(
            [
                name
                for name, model in self.env.registry.items()
                for cls in model.mro()
                if re.match(r"odoo\.addons\.cae_\w+\.demo\.", cls.__module__ or "")
            ],
            [],
        )

    def test_bad_names_refused(self):
        for addon, loader, text in (
            ("base", "cae_balance_demo", "is not a demo loader of the suite"),
            ("cae_base.demo", "x", "is not a demo loader of the suite"),
            ("cae_base", "../models/res_company", "is not a demo loader"),
            ("cae_base", "cae_balance_demo.py", "is not a demo loader"),
            ("cae_base", "res_company_demo.load", "is not a demo loader"),
            ("cae_base", "", "is not a demo loader"),
            ("cae_base", None, "is not a demo loader"),
            ("cae_unknown", "cae_balance_demo", "cae_unknown is not installed"),
            # A file of the add-on, outside its demo folder.
            ("cae_base", "res_company", "has no demo loader res_company"),
            ("cae_base", "missing_demo", "no file demo/missing_demo.py"),
            # A demo loader of another add-on.
            ("cae_base", "cae_payroll_demo", "no file demo/cae_payroll_demo.py"),
        ):
            with self.subTest(addon=addon, loader=loader):
                with self.assertRefused(text):
                    self.Module._cae_load_demo(addon, loader, [])

    def test_refused_in_french(self):
        with self.assertRefused("n'est pas un chargeur de démonstration"):
            self.Module.with_context(lang="fr_FR")._cae_load_demo(
                "base", "cae_balance_demo"
            )

    def test_refused_when_demo_data_is_not_being_loaded(self):
        """Outside the loading of demo data (a production server), or for an
        add-on installed without demo data, nothing runs."""
        thread = threading.current_thread()
        testing = getattr(thread, "testing", False)
        thread.testing = False
        try:
            with self.assertRefused("is not being loaded"):
                self.Module._cae_load_demo("cae_base", "res_company_demo", [])
        finally:
            thread.testing = testing
        cae_base = self.Module.search([("name", "=", "cae_base")])
        cae_base.demo = False
        with self.assertRefused("The demo data of cae_base is not being loaded"):
            self.Module._cae_load_demo("cae_base", "res_company_demo", [])

    def test_loader_runs_with_its_arguments(self):
        """The second cooperative's loader gives a new company the main
        company's chart of accounts, as the demo does."""
        template = self.env.ref("base.main_company").chart_template
        company = self.env["res.company"].create(
            {"name": "Coopérative de test", "country_id": self.env.ref("base.fr").id}
        )
        self.Module._cae_load_demo("cae_base", "res_company_demo", company.ids)
        self.assertEqual(company.chart_template, template)
        if template:
            self.assertTrue(
                self.env["account.journal"].search_count(
                    [("company_id", "=", company.id)]
                )
            )
