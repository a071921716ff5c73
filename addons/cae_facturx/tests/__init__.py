from . import test_facturx
