import sys

from loyalty_desktop.cli.main import main

sys.exit(main())
