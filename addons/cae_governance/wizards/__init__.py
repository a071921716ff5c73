# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import cae_share_register_print
from . import cae_share_early_reimbursement
from . import cae_assembly_paper_vote
from . import cae_assembly_paper_vote_line
from . import cae_assembly_paper_vote_count
