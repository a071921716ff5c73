# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: new French names of the CESA rules and categories.

Module updates keep existing translations; the rules renamed in this
version ("Net to pay" is now "Net pay" / "Net payé", the net before income
tax comes before it) would keep their old French names. Their French names
are dropped here so that the module's fr.po loads the new ones right after.
"""


def migrate(cr, version):
    for table, model in (
        ("hr_salary_rule", "hr.salary.rule"),
        ("hr_salary_rule_category", "hr.salary.rule.category"),
    ):
        cr.execute(
            f"""
            UPDATE {table}
               SET name = name - 'fr_FR'
             WHERE id IN (
                   SELECT res_id FROM ir_model_data
                    WHERE module = 'cae_payroll' AND model = %s)
            """,  # noqa: S608 (table names from the list above)
            (model,),
        )
