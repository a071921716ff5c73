# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Expressions of the suite's views are evaluated by the web client.

The server accepts Python builtins in ``invisible``, ``readonly``,
``required`` and ``column_invisible`` (``odoo.tools.view_validation``
ignores ``len``, ``abs``, ``str``...), but the web client evaluates them
with its own interpreter (``web/static/src/core/py_js``), which only knows
a few functions: any other call crashes the view for every user
("Name 'len' is not defined"). Every view of every add-on of the suite is
checked here, so a new one cannot bring the crash back.
"""

import ast

from lxml import etree

from odoo.tests import TransactionCase, tagged

# Functions the web client's interpreter knows (py_builtin.js, and the
# evaluation context of views: context_today, relativedelta...).
CLIENT_FUNCTIONS = frozenset(
    {"bool", "set", "max", "min", "context_today", "relativedelta", "time", "datetime"}
)
# Attributes the web client evaluates as Python expressions.
EXPRESSION_ATTRIBUTES = (
    "invisible",
    "readonly",
    "required",
    "column_invisible",
    "domain",
    "context",
    "filter_domain",
)


def unknown_calls(expression):
    """Names of the functions ``expression`` calls that the client lacks."""
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        return {"<syntax error>"}
    return {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id not in CLIENT_FUNCTIONS
    }


@tagged("post_install", "-at_install")
class TestViewExpressions(TransactionCase):
    def _suite_views(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.ui.view"), ("module", "=like", "cae\\_%")]
        )
        return self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()

    def test_unknown_calls(self):
        self.assertEqual(unknown_calls("len(entrepreneur_ids) < 2"), {"len"})
        self.assertEqual(
            unknown_calls("state != 'draft' or not bool(partner_id)"), set()
        )
        self.assertEqual(
            unknown_calls(
                "[('date', '>=', (context_today() + relativedelta(months=-1))"
                ".strftime('%Y-%m-%d'))]"
            ),
            set(),
        )

    def test_client_side_expressions(self):
        views = self._suite_views().filtered(lambda v: v.type != "qweb")
        self.assertGreater(len(views), 100, "the suite's views were not found")
        errors = []
        for view in views:
            arch = etree.fromstring(view.arch_db.encode())
            for node in arch.iter(etree.Element):
                if node.tag == "attribute":
                    # <attribute name="invisible" add="..."/> in inherited views
                    name = node.get("name")
                    texts = [node.text or "", node.get("add") or ""]
                    if name not in EXPRESSION_ATTRIBUTES:
                        continue
                    found = [(name, text) for text in texts if text.strip()]
                else:
                    found = [
                        (name, node.get(name))
                        for name in EXPRESSION_ATTRIBUTES
                        if node.get(name)
                    ]
                for name, expression in found:
                    calls = unknown_calls(expression)
                    if calls:
                        errors.append(
                            f"{view.xml_id} <{node.tag}> {name}={expression!r}: "
                            f"{', '.join(sorted(calls))} unknown to the web client"
                        )
        self.assertFalse(errors, "\n".join(errors))
