"""attrib's version, apart from the package so every module can name it without import cycles."""

__version__ = "0.3.0"
