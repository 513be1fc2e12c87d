"""vnthai-mt: Vietnamese-to-Thai translation of official news with consistent titles and names."""

__version__ = "0.1.0"
