# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where each role lands in the back office, and what menus it is shown."""

import json

from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaeCommon


@tagged("post_install", "-at_install")
class TestLanding(CaeCommon, HttpCase):
    def _session_home(self, login):
        self.authenticate(login, login)
        response = self.url_open(
            "/web/session/get_session_info",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}}),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        return response.json()["result"]["home_action_id"]

    def _home(self, user):
        return user._cae_home_action()

    def test_landing_page_per_role(self):
        home = self.env.ref("cae_base.action_cae_home")
        for user in (self.entrepreneur_user, self.advisor, self.accountant):
            with self.subTest(user=user.login):
                self.assertEqual(self._session_home(user.login), home.id)
        mine = self._home(self.entrepreneur_user)
        self.assertEqual(
            (mine["res_model"], mine["res_id"], mine["view_mode"]),
            ("cae.entrepreneur", self.alice.id, "form"),
        )
        advisor = self._home(self.advisor)
        self.assertEqual(advisor["res_model"], "cae.entrepreneur")
        self.assertEqual(advisor["context"], {"search_default_my_entrepreneurs": 1})
        accountant = self._home(self.accountant)
        self.assertEqual(
            accountant["xml_id"], "cae_base.account_move_action_cae_to_validate"
        )
        self.assertEqual(
            self._home(self.manager)["xml_id"], "cae_base.cae_entrepreneur_action"
        )

    def test_home_actions_run_as_each_role(self):
        """The web client runs the server actions as the user: no AccessError."""
        home = self.env.ref("cae_base.action_cae_home")
        mine = self.env.ref("cae_base.action_cae_my_activity")
        for user in (self.entrepreneur_user, self.advisor, self.accountant):
            with self.subTest(user=user.login):
                self.assertEqual(
                    home.with_user(user).run()["res_model"],
                    "cae.entrepreneur" if user != self.accountant else "account.move",
                )
        action = mine.with_user(self.entrepreneur_user).run()
        self.assertEqual((action["id"], action["res_id"]), (mine.id, self.alice.id))

    def test_own_home_action_wins(self):
        action = self.env.ref("cae_base.cae_followup_action")
        self.advisor.action_id = action.id
        self.assertEqual(self._session_home("advisor_a"), action.id)

    def test_users_outside_the_cooperative_keep_odoo_home(self):
        new_test_user(self.env, login="plain_user", groups="base.group_user")
        self.assertFalse(self._session_home("plain_user"))

    def _root_menus(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        return {menus[menu_id]["xmlid"] for menu_id in menus["root"]["children"]}

    def _all_menus(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        return {menu["xmlid"] for key, menu in menus.items() if key != "root"}

    def test_apps_menu_for_administrators_only(self):
        """base_install_request opens the Apps menu to everyone: closed again."""
        for user in (self.entrepreneur_user, self.advisor, self.accountant):
            with self.subTest(user=user.login):
                self.assertNotIn("base.menu_management", self._root_menus(user))
        self.assertIn(
            "base.menu_management", self._root_menus(self.env.ref("base.user_admin"))
        )

    def test_my_activity_menu_for_entrepreneurs_only(self):
        self.assertIn(
            "cae_base.cae_my_activity_menu", self._all_menus(self.entrepreneur_user)
        )
        # Advisors belong to the entrepreneur group, not to an activity.
        self.assertNotIn("cae_base.cae_my_activity_menu", self._all_menus(self.advisor))
