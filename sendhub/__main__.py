"""The `sendhub` console script: Django's manage.py under the product's own name."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendhub.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "sendhub"
    if argv[1:2] in (["version"], ["--version"]):
        argv[1] = "release"  # Django answers `version` with its own version; operators want SEND Hub's
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
