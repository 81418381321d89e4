"""The extractor: raw Vietnamese article text -> a facts/1 document."""
