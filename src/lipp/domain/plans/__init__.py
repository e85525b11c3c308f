"""Action plans: the partnership's SMART actions answering a review's accepted recommendations, each its own
aggregate, tracked from agreement through progress and verified completion to a check of their impact."""
