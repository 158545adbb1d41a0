"""The `sendhub` console script: Django's manage.py under the product's own name."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sendhub.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "sendhub"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
