"""Reading inputs: files, standard input, web pages and URLs, JSON Lines, folders and globs."""
