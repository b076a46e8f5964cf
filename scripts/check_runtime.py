"""Import every module of the site and its commands, to show that requirements.txt alone is enough to run it.

Run with the interpreter of a fresh environment that holds only the runtime set, e.g. in CI:

    python -m venv /tmp/runtime && /tmp/runtime/bin/pip install --require-hashes -r requirements.txt
    DEBUG=1 /tmp/runtime/bin/python scripts/check_runtime.py
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    failed, count = [], 0
    for package in ("config", "reports"):
        for module in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if ".migrations." in module.name:
                continue
            count += 1
            try:
                importlib.import_module(module.name)
            except ImportError as error:
                failed.append(f"{module.name}: {error}")
    for line in failed:
        print(f"cannot import {line}", file=sys.stderr)
    print(f"{count - len(failed)} of {count} modules import with the runtime requirements")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
