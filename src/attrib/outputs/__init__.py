"""Writing results: terminal tables and views, JSON Lines, CSV and the HTML report."""
