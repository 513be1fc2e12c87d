"""Argument errors as one line: ``vnthai-mt: error: WHAT (see 'vnthai-mt translate --help')``.

argparse prints the whole usage block (2 to 14 lines) before its message; in a log or a pipeline the
message is then hard to find. Subparsers inherit the class, so every subcommand gets the same line.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        text = " ".join(message.split())  # argparse may wrap long choices lists
        sys.stderr.write(f"vnthai-mt: error: {text} (see '{self.prog} --help')\n")
        sys.exit(2)
