# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Secret ballots cast before 18.0.1.1.0 were written straight into
``cae_assembly_ballot``: those of assemblies not closed yet go into the
sealed ballot box, so that no count shows before the closing, which then
moves them back in one shuffled batch with the others."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            WITH moved AS (
                DELETE FROM cae_assembly_ballot b
                 USING cae_assembly_resolution r, cae_assembly a
                 WHERE b.resolution_id = r.id
                   AND r.secret
                   AND b.assembly_id = a.id
                   AND a.state != 'closed'
             RETURNING b.id, b.resolution_id, b.assembly_id, b.company_id,
                       b.candidate_id, b.college_id, b.choice
            )
            INSERT INTO cae_assembly_ballot_box
                   (id, resolution_id, assembly_id, company_id, candidate_id,
                    college_id, choice)
            SELECT id, resolution_id, assembly_id, company_id, candidate_id,
                   college_id, choice
              FROM moved
            """
        )
    )
