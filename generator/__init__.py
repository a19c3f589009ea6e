"""Annotated resolutions: import UN resolutions into structured data and render them as a site."""

__version__ = "0.1.0"
