"""Review: coverage of every body sentence, and an article's records beside their quotes."""
