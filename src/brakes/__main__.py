"""``python -m brakes``: the ``brakes`` command where its script is not on the PATH.

A learner who installs with ``.venv\\Scripts\\python -m pip`` (nothing activated) or
``pip install --user`` on a hub has no ``brakes`` on the PATH; the environment's
Python always finds the package.
"""

from brakes.cli import main

raise SystemExit(main())
