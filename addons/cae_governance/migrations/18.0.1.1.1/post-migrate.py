# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The convocation email printed the assembly's time with its seconds and
time zone ("18:00:00 UTC+2"): its template is not updated by the module
(noupdate), so its bodies in every language get the new format here, unless
the cooperative rewrote it."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            UPDATE mail_template t
               SET body_html = (
                       SELECT jsonb_object_agg(
                                  lang,
                                  to_jsonb(replace(body #>> '{}',
                                                   %(old)s, %(new)s)))
                         FROM jsonb_each(t.body_html) AS b(lang, body))
              FROM ir_model_data d
             WHERE d.model = 'mail.template'
               AND d.module = 'cae_governance'
               AND d.name = 'mail_template_assembly_convocation'
               AND d.res_id = t.id
               AND t.body_html::text LIKE %(like)s
            """,
            old="dt_format='long'",
            new="dt_format='d MMMM y, HH:mm'",
            like="%dt_format='long'%",
        )
    )
