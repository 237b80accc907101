"""The corpus: articles, their body spans, and where a quote sits in them."""
