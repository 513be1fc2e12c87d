import sys

from vnthai_mt.cli import main

sys.exit(main())
