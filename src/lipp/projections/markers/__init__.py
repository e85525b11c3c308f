"""Quality-marker results across reviews: each review's latest rating of each marker, counted by board and period."""
