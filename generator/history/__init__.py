"""A resolution's history: its series, what changed from one text to the next, where each paragraph's language first appeared."""
