"""The demonstration: fictional boards, reviews, learning and a national history, seeded by `lipp demo`."""
