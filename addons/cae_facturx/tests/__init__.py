from . import test_facturx
from . import test_french_ids
