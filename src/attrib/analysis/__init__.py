"""The analysis: spaCy components that find statements and resolve and type their sources."""
