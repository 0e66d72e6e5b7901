import sys

from loyalty_desktop.cli.start import main

sys.exit(main())
