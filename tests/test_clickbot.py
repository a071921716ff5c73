# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's own crawler, the "clickbot", on the suite's apps, per role.

``startClickEverywhere(<app menu>)`` (``web/static/src/webclient/clickbot``)
opens every menu of the app, every view type and clicks every filter of
the search panel; it stops at the first error dialog. It runs once per app
of the suite the user sees, as each back-office role of the demo database.
"""

from odoo.tests import HttpCase, tagged

from odoo.addons.cae_base.tests.crawler import SUITE_PREFIX

CLICKBOT = (
    "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
    ".startClickEverywhere({app!r});"
)


class ClickbotCase(HttpCase):
    # The clickbot may end on a form view (it does not save anything).
    allow_end_on_form = True
    login = None

    def click_everywhere(self):
        user = self.env["res.users"].search([("login", "=", self.login)])
        self.assertTrue(user, f"demo user {self.login} is missing")
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        apps = [
            menus[app_id]["xmlid"]
            for app_id in menus["root"]["children"]
            if menus[app_id]["xmlid"].startswith(SUITE_PREFIX)
        ]
        self.assertTrue(apps, f"{self.login} sees no app of the suite")
        failures = []
        for app in apps:
            try:
                self.browser_js(
                    "/odoo",
                    CLICKBOT.format(app=app),
                    "odoo.isReady === true",
                    login=self.login,
                    timeout=600,
                    success_signal="clickbot test succeeded",
                )
            except AssertionError as error:
                failures.append(f"{app}: {error}")
        if failures:
            self.fail(
                f"The clickbot failed as {self.login} on:\n" + "\n\n".join(failures)
            )


@tagged("post_install", "-at_install")
class TestClickbotManager(ClickbotCase):
    login = "admin"

    def test_clickbot_manager(self):
        self.click_everywhere()


@tagged("post_install", "-at_install")
class TestClickbotAdvisor(ClickbotCase):
    login = "claire"

    def test_clickbot_advisor(self):
        self.click_everywhere()


@tagged("post_install", "-at_install")
class TestClickbotAccountant(ClickbotCase):
    login = "sophie"

    def test_clickbot_accountant(self):
        self.click_everywhere()


@tagged("post_install", "-at_install")
class TestClickbotEntrepreneur(ClickbotCase):
    login = "thomas"

    def test_clickbot_entrepreneur(self):
        self.click_everywhere()


@tagged("post_install", "-at_install")
class TestClickbotFacilitator(ClickbotCase):
    login = "manon"

    def test_clickbot_facilitator(self):
        self.click_everywhere()


@tagged("post_install", "-at_install")
class TestClickbotCommittee(ClickbotCase):
    login = "gerard"

    def test_clickbot_committee(self):
        self.click_everywhere()


@tagged("post_install", "-at_install")
class TestClickbotOtherCompany(ClickbotCase):
    login = "maite"

    def test_clickbot_other_company(self):
        self.click_everywhere()
