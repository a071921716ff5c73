# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the CESA rules read the French payroll engine.

The rules and categories were loaded as ``noupdate`` records: let the
module's data update them (the aggregated rules of 18.0.1.0 are archived
and taken out of the structures by ``res.company._cae_payroll_setup``).
"""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'cae_payroll'
           AND model IN ('hr.salary.rule', 'hr.salary.rule.category', 'hr.rule.input')
        """
    )
