"""vfk_desktop: Locality Board papers for Kent's districts under the Vision for Kent 2011-2021."""

__version__ = "0.1.0"
