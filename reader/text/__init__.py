"""Text primitives every stage shares: the one normaliser (word keys for alignment, the word diff, quotes
and speakers), typography folding, and the sequence algorithms (stretches, increasing runs)."""
