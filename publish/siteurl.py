"""Print the GitHub Pages address of this checkout's `origin` remote.

    git@github.com:USER/REPO.git        -> https://USER.github.io/REPO
    https://github.com/USER/USER.github.io -> https://USER.github.io
`make github` uses it when SITEURL is not given.
"""

from __future__ import annotations

import re
import subprocess
import sys

_REMOTE = re.compile(r"github\.com[:/]+([^/]+)/([^/]+?)(?:\.git)?/?$")


def pages_url(remote: str) -> str:
    m = _REMOTE.search(remote.strip())
    if not m:
        raise ValueError(f"origin is not a GitHub repository: {remote.strip()!r}")
    user, repo = m.groups()
    if repo.lower() == f"{user.lower()}.github.io":
        return f"https://{user.lower()}.github.io"
    return f"https://{user.lower()}.github.io/{repo}"


def main() -> int:
    try:
        remote = subprocess.run(
            ["git", "remote", "get-url", "origin"], check=True, capture_output=True, text=True
        ).stdout
        print(pages_url(remote))
    except (subprocess.CalledProcessError, ValueError) as err:
        print(f"error: cannot tell the GitHub Pages address: {err}; set SITEURL", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
